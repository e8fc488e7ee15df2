/**
 * The status indexes' sort control in Chromium, on the site whose specs come from a git
 * repository (test/helpers/history-repo.ts): the In Review index starts as the review queue,
 * longest waiting first, and a reader can order it by Last Updated or Feature.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixture, type Preview, type ServedFixture } from '../helpers/preview.ts';

let server: Preview;
let browser: Browser;
let served: ServedFixture | undefined;

beforeAll(async () => {
	served = await serveFixture('history');
	({ server, browser } = served);
}, 240_000);

afterAll(() => served?.close());

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.goto(server.url + path);
	return page;
}

const features = async (page: Page) => (await page.locator('.spec-card-title a').allTextContents()).map((text) => text.trim());
const summary = async (page: Page) => (await page.locator('.list-sort-bar p').textContent())?.replace(/\s+/gu, ' ').trim();

describe('the In Review index', () => {
	test('starts longest waiting first; choosing another order reorders the cards, says so and keeps it in the URL', async () => {
		const page = await open('/status/in-review/');
		const sort = page.getByLabel('Sort by');
		expect(await sort.isVisible()).toBe(true);
		expect(await features(page)).toEqual(['Ledger export', 'Refunds']);
		expect(await summary(page)).toBe('2 specs, longest In Review first.');

		await sort.selectOption({ label: 'Last Updated' });
		expect(await features(page)).toEqual(['Refunds', 'Ledger export']);
		expect(await summary(page)).toBe('2 specs, most recently updated first.');
		expect(new URL(page.url()).searchParams.get('sort')).toBe('updated');

		await sort.selectOption({ label: 'Feature' });
		expect(await features(page)).toEqual(['Ledger export', 'Refunds']);
		expect(await summary(page)).toBe('2 specs, by feature, A to Z.');

		await sort.selectOption({ label: 'Time in status' });
		expect(await features(page)).toEqual(['Ledger export', 'Refunds']);
		expect(new URL(page.url()).search).toBe('');
		await page.context().close();
	});

	test('opens in the order its URL names, and the keyboard changes it', async () => {
		const page = await open('/status/in-review/?sort=updated');
		expect(await features(page)).toEqual(['Refunds', 'Ledger export']);
		expect(await page.getByLabel('Sort by').inputValue()).toBe('updated');
		await page.getByLabel('Sort by').focus();
		// A focused select changes with the arrow keys without opening (Chromium on Linux).
		await page.keyboard.press('ArrowUp');
		expect(await features(page)).toEqual(['Ledger export', 'Refunds']);
		await page.context().close();
	});

	test('without JavaScript it is the review queue with no control that would do nothing', async () => {
		const page = await open('/status/in-review/?sort=updated', { javaScriptEnabled: false });
		expect(await features(page)).toEqual(['Ledger export', 'Refunds']);
		expect(await page.getByLabel('Sort by').isVisible()).toBe(false);
		expect(await summary(page)).toBe('2 specs, longest In Review first.');
		await page.context().close();
	});
});
