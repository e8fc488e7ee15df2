/**
 * Search in Chromium against the fixture site (test/fixtures/site: five specs), built and served
 * under a base path (`/handbook/`: the build the guide's tests read) so every Pagefind and result
 * URL must carry it: the /search/ page (query, facets and their counts, the URL as state, browsing
 * without a query, keyboard, 375 px, no JavaScript) and the header's search modal. No page may log
 * a console error.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { serveFixture, type Preview, type ServedFixture } from '../helpers/preview.ts';

let server: Preview;
let browser: Browser;
let served: ServedFixture | undefined;
let context: BrowserContext | undefined;
let consoleErrors: string[] = [];

beforeAll(async () => {
	served = await serveFixture('site-under-base');
	({ server, browser } = served);
}, 240_000);

afterAll(() => served?.close());

afterEach(async () => {
	await context?.close();
	context = undefined;
	const errors = consoleErrors;
	consoleErrors = [];
	expect(errors).toEqual([]);
});

async function open(
	path: string,
	options: { javaScriptEnabled?: boolean; width?: number; before?: (page: Page) => void } = {},
): Promise<Page> {
	context = await browser.newContext({
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		viewport: { width: options.width ?? 1280, height: 900 },
	});
	const page = await context.newPage();
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	page.on('pageerror', (error) => consoleErrors.push(error.message));
	options.before?.(page);
	await page.goto(server.url + path);
	return page;
}

const input = (page: Page) => page.getByRole('searchbox', { name: 'Search the specs' });
const status = (page: Page) => page.locator('[data-search-status]');
const resultTitles = (page: Page) => page.locator('[data-results] > li h3').allTextContents();
const facet = (page: Page, legend: string) => page.getByRole('group', { name: legend });
const checkbox = (page: Page, legend: string, value: string) =>
	facet(page, legend).locator('label').filter({ has: page.locator('[data-facet-name]', { hasText: new RegExp(`^${value}$`) }) }).getByRole('checkbox');

/** Each value of a facet with its count, e.g. `{ Draft: 2, 'In Review': 1 }`. */
async function counts(page: Page, legend: string): Promise<Record<string, number>> {
	const rows = await facet(page, legend)
		.locator('li:not([hidden]) label')
		.evaluateAll((labels) =>
			labels.map((label) => [label.querySelector('[data-facet-name]')?.textContent ?? '', Number(label.querySelector('[data-facet-count]')?.textContent)]),
		);
	return Object.fromEntries(rows);
}

/** Wait until the summary says what the results are. */
async function settled(page: Page, summary: string | RegExp) {
	await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(summary);
}

describe('the search page', () => {
	test('typing a query shows matching specs, linked under the base path, and records the query in the URL', async () => {
		const page = await open('/search/');
		await settled(page, '5 specs, most recently updated first.');
		await input(page).fill('retry');
		await settled(page, '4 specs match “retry”.');
		// The two retry specs first; the others only mention a retry policy in their body.
		expect((await resultTitles(page)).slice(0, 2).sort()).toEqual(['Retry policy v1', 'Retry policy v2']);
		await expect.poll(() => new URL(page.url()).search).toBe('?q=retry');

		const first = page.locator('[data-results] > li').first();
		expect(await first.locator('.status-badge').textContent()).toMatch(/^(In Review|Approved)$/);
		expect(await first.locator('time').getAttribute('datetime')).toMatch(/^2026-\d\d-\d\d$/);
		expect(await first.locator('[data-result-excerpt] mark').first().textContent()).toMatch(/retry/i);
		const hrefs = await page.locator('[data-results] [data-result-link]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		expect(hrefs.slice(0, 2).sort()).toEqual(['/handbook/specs/payments/retry-v1/', '/handbook/specs/payments/retry-v2/']);
		// The excerpt names the section it comes from, linked to it.
		expect(await first.locator('[data-result-section]').getAttribute('href')).toMatch(/^\/handbook\/specs\/payments\/retry-v[12]\/#[a-z-]+$/);

		await page.locator('[data-results] [data-result-link]', { hasText: 'Retry policy v2' }).click();
		await page.waitForURL(`${server.url}/specs/payments/retry-v2/`);
	});

	test('a facet narrows the results and every facet’s counts follow', async () => {
		const page = await open('/search/?q=retry');
		await settled(page, '4 specs match “retry”.');
		expect(await counts(page, 'Status')).toEqual({ Draft: 1, 'In Review': 1, Approved: 2 });
		expect(await counts(page, 'Author')).toEqual({ 'Ana Lima': 2, 'Bo Chen': 2, 'Cy Diaz': 1, 'Dee Evans': 1 });

		await checkbox(page, 'Status', 'Approved').check();
		await settled(page, '2 specs match “retry” with the selected filters.');
		expect((await resultTitles(page)).sort()).toEqual(['Retry policy v1', 'Service mesh mTLS']);
		// The status facet still counts its other values; the others count within Approved.
		expect(await counts(page, 'Status')).toEqual({ Draft: 1, 'In Review': 1, Approved: 2 });
		expect(await counts(page, 'Author')).toEqual({ 'Ana Lima': 1, 'Bo Chen': 1, 'Cy Diaz': 0, 'Dee Evans': 1 });
		expect(await counts(page, 'Tag')).toEqual({ payments: 1, security: 1, identity: 0, platform: 1, reliability: 0 });
		await expect.poll(() => new URL(page.url()).search).toBe('?q=retry&status=Approved');

		// Two values of one facet: either matches.
		await checkbox(page, 'Status', 'In Review').check();
		await settled(page, '3 specs match “retry” with the selected filters.');
		await expect.poll(() => new URL(page.url()).search).toBe('?q=retry&status=In+Review&status=Approved');
	});

	test('reloading restores the query and facets; back and forward step through them', async () => {
		const page = await open('/search/?q=retry');
		await settled(page, '4 specs match “retry”.');
		await checkbox(page, 'Tag', 'reliability').check();
		await settled(page, '1 spec matches “retry” with the selected filters.');

		await page.reload();
		await settled(page, '1 spec matches “retry” with the selected filters.');
		expect(await input(page).inputValue()).toBe('retry');
		expect(await checkbox(page, 'Tag', 'reliability').isChecked()).toBe(true);
		expect(await resultTitles(page)).toEqual(['Retry policy v2']);

		await page.goBack();
		await settled(page, '4 specs match “retry”.');
		expect(await checkbox(page, 'Tag', 'reliability').isChecked()).toBe(false);
		await page.goForward();
		await settled(page, '1 spec matches “retry” with the selected filters.');
		expect(await checkbox(page, 'Tag', 'reliability').isChecked()).toBe(true);
	});

	test('with no query, facets browse the specs, newest first (also from a status slug in the URL)', async () => {
		const page = await open('/search/?status=draft');
		await settled(page, '2 specs with the selected filters, most recently updated first.');
		expect(await resultTitles(page)).toEqual(['Early idea', 'Passkey sign-in']);
		expect(await checkbox(page, 'Status', 'Draft').isChecked()).toBe(true);
		expect(await page.locator('[data-result-excerpt]').count()).toBe(0);

		await checkbox(page, 'Tag', 'security').check();
		await settled(page, '1 spec with the selected filters, most recently updated first.');
		expect(await resultTitles(page)).toEqual(['Passkey sign-in']);

		await page.getByRole('button', { name: 'Clear all filters' }).click();
		await settled(page, '5 specs, most recently updated first.');
		expect(await resultTitles(page)).toEqual(['Early idea', 'Retry policy v2', 'Passkey sign-in', 'Service mesh mTLS', 'Retry policy v1']);
		expect(new URL(page.url()).search).toBe('');
	});

	test('a tag in a spec header leads to the specs with that tag', async () => {
		const page = await open('/specs/payments/retry-v2/');
		await page.locator('header.spec-header').getByRole('link', { name: 'reliability' }).click();
		await settled(page, '1 spec with the selected filters, most recently updated first.');
		expect(await resultTitles(page)).toEqual(['Retry policy v2']);
	});

	test('works from the keyboard: type, Enter, tab to a facet, Space', async () => {
		const page = await open('/search/');
		await settled(page, /^5 specs/);
		await input(page).focus();
		await page.keyboard.type('policy');
		await page.keyboard.press('Enter');
		await settled(page, '4 specs match “policy”.');
		// From the query box, Tab reaches the search button, the filters, then the first status.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Draft');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Space');
		await settled(page, '1 spec matches “policy” with the selected filters.');
		// Counts changed around it, but the checkbox kept focus.
		expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('In Review');
	});

	test('fits a 375 px screen, filters folded away', async () => {
		const page = await open('/search/?q=retry&author=Ana+Lima', { width: 375 });
		await settled(page, '2 specs match “retry” with the selected filters.');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		expect(await page.locator('[data-search-facets]').getAttribute('open')).toBeNull();
		expect(await page.locator('[data-search-facets] summary').textContent()).toBe('Filters (1 selected)');
		await page.locator('[data-search-facets] summary').click();
		expect(await checkbox(page, 'Author', 'Ana Lima').isChecked()).toBe(true);
	});

	test('without JavaScript, it links the static indexes instead', async () => {
		const page = await open('/search/?q=retry', { javaScriptEnabled: false });
		expect(await page.locator('[data-search-form]').isVisible()).toBe(false);
		const links = page.locator('[data-search-fallback] a');
		expect(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).toEqual([
			'/handbook/specs/',
			'/handbook/status/draft/',
			'/handbook/status/in-review/',
			'/handbook/status/approved/',
			'/handbook/authors/',
			'/handbook/timeline/',
		]);
	});

	test('a first query fetches a small part of the index', async () => {
		const fetched: { url: string; bytes: number }[] = [];
		const bodies: Promise<void>[] = [];
		const page = await open('/search/', {
			before: (page) =>
				page.on('response', (response) => {
					if (!response.url().includes('/pagefind/') || response.status() !== 200) return;
					bodies.push(response.body().then((body) => void fetched.push({ url: response.url(), bytes: body.length })));
				}),
		});
		await settled(page, /^5 specs/);
		await input(page).fill('retry');
		await settled(page, '4 specs match “retry”.');
		await Promise.all(bodies);
		const total = fetched.reduce((sum, file) => sum + file.bytes, 0);
		console.info(`search: the page and a first query fetched ${fetched.length} Pagefind files, ${(total / 1024).toFixed(1)} KiB uncompressed`);
		// pagefind.js, its worker, the wasm, metadata, filters, an index chunk, a fragment per result.
		expect(fetched.every((file) => file.url.startsWith(`${server.url}/pagefind/`))).toBe(true);
		expect(total).toBeLessThan(300 * 1024);
	});
});

describe('the header search modal', () => {
	test('shows each result’s status and authors, not its feature twice', async () => {
		const page = await open('/');
		await page.getByRole('button', { name: 'Search' }).first().click();
		await page.locator('#starlight__search .pagefind-ui__search-input').fill('retry');
		const result = page.locator('.pagefind-ui__result', { hasText: 'Retry policy v2' });
		await expect.poll(() => result.locator('.pagefind-ui__result-tag').count(), { timeout: 10_000 }).toBeGreaterThan(0);
		const visibleTags = await result.locator('.pagefind-ui__result-tag:visible').allTextContents();
		expect(visibleTags.map((tag) => tag.trim())).toEqual(['Authors: Ana Lima and Cy Diaz', 'Status: In Review', 'Updated: 2026-11-20']);
		expect(await result.locator('a.pagefind-ui__result-link').first().getAttribute('href')).toBe('/handbook/specs/payments/retry-v2/');
	});

	test('fetches no filter data: it links the query to the search page, which has the filters', async () => {
		const fetched: string[] = [];
		const page = await open('/', { before: (page) => page.on('request', (request) => void fetched.push(new URL(request.url()).pathname)) });
		await page.getByRole('button', { name: 'Search' }).first().click();
		await page.locator('#starlight__search .pagefind-ui__search-input').fill('retry');
		await expect.poll(() => page.locator('.pagefind-ui__result .pagefind-ui__result-tag').count(), { timeout: 10_000 }).toBeGreaterThan(0);
		await page.waitForLoadState('networkidle');
		expect(fetched.filter((path) => path.startsWith('/handbook/pagefind/fragment/')).length).toBeGreaterThan(0);
		expect(fetched.filter((path) => path.includes('/pagefind/filter/'))).toEqual([]);
		expect(await page.locator('.pagefind-ui__filter-panel').count()).toBe(0);

		await page.getByRole('link', { name: 'Filter by status, author or tag on the search page' }).click();
		await page.waitForURL(`${server.url}/search/?q=retry`);
		await settled(page, '4 specs match “retry”.');
		expect(await counts(page, 'Status')).toEqual({ Draft: 1, 'In Review': 1, Approved: 2 });
		expect(fetched.some((path) => path.startsWith('/handbook/pagefind/filter/'))).toBe(true);
	});

	test('is not offered pages other than specs', async () => {
		const page = await open('/');
		await page.getByRole('button', { name: 'Search' }).first().click();
		// Words every index page, the guide and the roadmap are full of.
		for (const word of ['authors', 'roadmap', 'guide']) {
			await page.locator('#starlight__search .pagefind-ui__search-input').fill(word);
			await expect.poll(() => page.locator('.pagefind-ui__message').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`for ${word}`));
			const links = await page.locator('.pagefind-ui__result-title:not(.pagefind-ui__result-nested *) a').evaluateAll((anchors) =>
				anchors.map((a) => a.getAttribute('href') ?? ''),
			);
			for (const href of links) expect(href, word).toMatch(/^\/handbook\/specs\/.+\/$/);
		}
	});
});
