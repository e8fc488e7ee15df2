/**
 * The fixture site in Chromium, served by `astro preview`: following links from the home page to a
 * spec and its author, sorting the table by mouse and keyboard, the table without JavaScript, the
 * 404 page, and a phone-sized viewport.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixture, type Preview, type ServedFixture } from '../helpers/preview.ts';

let server: Preview;
let browser: Browser;
let served: ServedFixture | undefined;

beforeAll(async () => {
	served = await serveFixture('site');
	({ server, browser } = served);
}, 240_000);

afterAll(() => served?.close());

async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
	const context = await browser.newContext({
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		viewport: { width: options.width ?? 1280, height: 900 },
	});
	const page = await context.newPage();
	await page.goto(server.url + path);
	return page;
}

const featureColumn = (page: Page) => page.locator('table[data-spec-table] tbody th').allTextContents();
const trimmed = (texts: string[]) => texts.map((text) => text.trim());

describe('navigation', () => {
	test('from the home page to the table, a spec, its author and back to a status', async () => {
		const page = await open('/');
		// waitForURL also waits for the page to load: the URL changes before the new page is read.
		await page.getByRole('link', { name: 'Specs (5)' }).click();
		await page.waitForURL(`${server.url}/specs/`);

		await page.getByRole('link', { name: 'Retry policy v2' }).click();
		await page.waitForURL(`${server.url}/specs/payments/retry-v2/`);
		expect(await page.locator('h1').first().textContent()).toBe('Retry policy v2');

		await page.locator('header.spec-header').getByRole('link', { name: 'Cy Diaz' }).click();
		await page.waitForURL(`${server.url}/authors/cy-diaz/`);
		expect(trimmed(await page.locator('.spec-card-title a').allTextContents())).toEqual(['Early idea', 'Retry policy v2']);

		await page.getByRole('link', { name: 'Approved (2)' }).click();
		await page.waitForURL(`${server.url}/status/approved/`);
		expect(trimmed(await page.locator('.spec-card-title a').allTextContents())).toEqual(['Service mesh mTLS', 'Retry policy v1']);
		await page.context().close();
	});

	test('a superseded spec links to its successor', async () => {
		const page = await open('/specs/payments/retry-v1/');
		await page.locator('.superseded-notice').getByRole('link', { name: 'Retry policy v2' }).click();
		await page.waitForURL(`${server.url}/specs/payments/retry-v2/`);
		await page.context().close();
	});

	test('an unknown address gets the 404 page, with search prefilled from the address', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const response = await page.goto(`${server.url}/specs/payments/retry-policy-v9/`);
		expect(response?.status()).toBe(404);
		expect(await page.locator('h1').first().textContent()).toBe('Page not found');
		expect(await page.locator('form[role="search"] input[name="q"]').inputValue()).toBe('retry policy v9');
		await context.close();
	});
});

describe('table', () => {
	const newestFirst = ['Early idea', 'Retry policy v2', 'Passkey sign-in', 'Service mesh mTLS', 'Retry policy v1'];

	test('starts newest first; a column heading sorts by it, and again reverses', async () => {
		const page = await open('/specs/');
		expect(trimmed(await featureColumn(page))).toEqual(newestFirst);

		const feature = page.getByRole('button', { name: 'Feature' });
		await feature.click();
		expect(trimmed(await featureColumn(page))).toEqual(['Early idea', 'Passkey sign-in', 'Retry policy v1', 'Retry policy v2', 'Service mesh mTLS']);
		expect(await page.locator('th[data-sort-key="feature"]').getAttribute('aria-sort')).toBe('ascending');
		expect(await page.locator('th[data-sort-key="updated"]').getAttribute('aria-sort')).toBeNull();

		await feature.click();
		expect(trimmed(await featureColumn(page))).toEqual(['Service mesh mTLS', 'Retry policy v2', 'Retry policy v1', 'Passkey sign-in', 'Early idea']);
		expect(await page.locator('th[data-sort-key="feature"]').getAttribute('aria-sort')).toBe('descending');

		// Status sorts in workflow order, not alphabetically; ties keep the newest-first order.
		await page.getByRole('button', { name: 'Status' }).click();
		expect(trimmed(await featureColumn(page))).toEqual(['Early idea', 'Passkey sign-in', 'Retry policy v2', 'Service mesh mTLS', 'Retry policy v1']);

		await page.getByRole('button', { name: 'Phases' }).click();
		expect(trimmed(await featureColumn(page))[0]).toBe('Retry policy v2');
		await page.context().close();
	});

	test('sorts from the keyboard and announces the order', async () => {
		const page = await open('/specs/');
		await page.getByRole('button', { name: 'Last updated' }).focus();
		await page.keyboard.press('Enter');
		expect(trimmed(await featureColumn(page))).toEqual([...newestFirst].reverse());
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Enter');
		// Shift+Tab from "Last updated" lands on "Authors".
		expect(await page.locator('th[data-sort-key="authors"]').getAttribute('aria-sort')).toBe('ascending');
		expect(await page.locator('[data-sort-status]').textContent()).toBe('Sorted by Authors, ascending.');
		await page.context().close();
	});

	test('without JavaScript it is a plain table, newest first', async () => {
		const page = await open('/specs/', { javaScriptEnabled: false });
		expect(trimmed(await featureColumn(page))).toEqual(newestFirst);
		expect(await page.locator('table[data-spec-table] button').count()).toBe(0);
		expect(await page.locator('th[data-sort-key="updated"]').getAttribute('aria-sort')).toBe('descending');
		// It does not tell the reader to select headings that do nothing.
		expect(await page.getByText('Select a column heading').isVisible()).toBe(false);
		await page.context().close();
	});

	test('with JavaScript it says how to sort', async () => {
		const page = await open('/specs/');
		expect(await page.getByText('Select a column heading to sort by it').isVisible()).toBe(true);
		await page.context().close();
	});
});

describe('small screens', () => {
	test('pages do not scroll sideways at 375 px; the table scrolls inside its own region', async () => {
		for (const path of ['/', '/specs/', '/specs/payments/retry-v2/', '/status/draft/', '/authors/']) {
			const page = await open(path, { width: 375 });
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow, path).toBeLessThanOrEqual(0);
			await page.context().close();
		}
		const page = await open('/specs/', { width: 375 });
		const region = page.getByRole('region', { name: 'All specs (scrolls sideways)' });
		expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		expect(await region.getAttribute('tabindex')).toBe('0');
		await page.context().close();
	});
});
