/**
 * The long indexes in Chromium, on the site of 65 specs: a status index and the table of all specs
 * take two pages, and sorting spans both, from the compact index fetched once a reader picks an
 * order (src/site/index-pages.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveFixture, type Preview, type ServedFixture } from '../helpers/preview.ts';
import { INDEX_PAGE_SIZE } from '../../src/site/index-pages.ts';

let server: Preview;
let browser: Browser;
let served: ServedFixture | undefined;

beforeAll(async () => {
	served = await serveFixture('site-and-60');
	({ server, browser } = served);
}, 240_000);

afterAll(() => served?.close());

/** A page in its own context, and the requests for the compact index it has made so far. */
async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; indexFetches: string[] }> {
	const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const indexFetches: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).pathname.endsWith('/_index.json')) indexFetches.push(request.url());
	});
	await page.goto(server.url + path);
	return { page, indexFetches };
}

const byFeature = (features: string[]) => [...features].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }));
const pathOf = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;
const rowFeatures = async (page: Page) => (await page.locator('tbody th a').allTextContents()).map((text) => text.trim());
const cardFeatures = async (page: Page) => (await page.locator('.spec-card-title a').allTextContents()).map((text) => text.trim());

/** The features of both built pages, in their default order. */
async function bothPages(first: string, second: string, features: (page: Page) => Promise<string[]>): Promise<string[]> {
	const all: string[] = [];
	for (const path of [first, second]) {
		const { page } = await open(path, { javaScriptEnabled: false });
		all.push(...(await features(page)));
		await page.context().close();
	}
	return all;
}

test('the table sorts by Feature across its pages: page 1 the start of the alphabet, page 2 the end, the order kept in the URL', async () => {
	const all = await bothPages('/specs/', '/specs/_pages/2/', rowFeatures);
	expect(all).toHaveLength(65);
	const { page, indexFetches } = await open('/specs/');
	await page.waitForLoadState('networkidle');
	expect(indexFetches).toEqual([]);

	await page.getByRole('button', { name: 'Feature' }).click();
	await expect.poll(() => rowFeatures(page)).toEqual(byFeature(all).slice(0, INDEX_PAGE_SIZE));
	expect(pathOf(page)).toBe('/specs/?sort=feature-ascending');
	expect(await page.locator('thead th[data-sort-key="feature"]').getAttribute('aria-sort')).toBe('ascending');
	expect(await page.locator('[data-sort-status]').textContent()).toBe('Sorted by Feature, ascending. Specs 1–50 of 65.');
	expect(await page.getByRole('button', { name: 'Feature' }).evaluate((button) => button === document.activeElement)).toBe(true);
	expect(indexFetches).toHaveLength(1);

	await page.getByRole('navigation', { name: 'Pages of the table of all specs' }).getByRole('link', { name: 'Next' }).click();
	await page.waitForURL(/\/specs\/_pages\/2\/\?sort=feature-ascending$/u);
	await expect.poll(() => rowFeatures(page)).toEqual(byFeature(all).slice(INDEX_PAGE_SIZE));
	expect(await page.getByRole('link', { name: 'Page 2', exact: true }).getAttribute('aria-current')).toBe('page');
	expect(await page.getByRole('link', { name: 'Page 1', exact: true }).getAttribute('href')).toBe('/specs/?sort=feature-ascending');
	// A row the script wrote is the very markup of the built one (Retry policy v2 is on the built page 2 too).
	const rowOf = (on: Page) => on.locator('tbody tr', { hasText: 'Retry policy v2' }).evaluate((row) => row.outerHTML.replace(/>\s+</gu, '><').trim());
	const built = await open('/specs/_pages/2/', { javaScriptEnabled: false });
	expect(await rowOf(page)).toBe(await rowOf(built.page));
	await built.page.context().close();

	// Again reverses, from the first page of the new order; a reload keeps it.
	await page.getByRole('button', { name: 'Feature' }).click();
	await page.waitForURL(/\/specs\/\?sort=feature-descending$/u);
	await expect.poll(() => rowFeatures(page)).toEqual(byFeature(all).reverse().slice(0, INDEX_PAGE_SIZE));
	await page.reload();
	await expect.poll(() => rowFeatures(page)).toEqual(byFeature(all).reverse().slice(0, INDEX_PAGE_SIZE));
	expect(await page.locator('thead th[data-sort-key="feature"]').getAttribute('aria-sort')).toBe('descending');
	await page.context().close();
}, 60_000);

test('a status index sorts across its pages with its Sort by control, and old ?sort= links open that order', async () => {
	const all = await bothPages('/status/in-review/', '/status/in-review/2/', cardFeatures);
	expect(all.length).toBeGreaterThan(INDEX_PAGE_SIZE);
	const { page, indexFetches } = await open('/status/in-review/2/');
	await page.waitForLoadState('networkidle');
	expect(indexFetches).toEqual([]);

	await page.getByLabel('Sort by').selectOption({ label: 'Feature' });
	await page.waitForURL(/\/status\/in-review\/\?sort=feature$/u);
	await expect.poll(() => cardFeatures(page)).toEqual(byFeature(all).slice(0, INDEX_PAGE_SIZE));
	expect(await page.locator('.list-sort-bar p').textContent()).toMatch(/, by feature, A to Z\.\s+Specs 1–50 are on this page\./u);
	expect(await page.getByLabel('Sort by').inputValue()).toBe('feature');
	expect(indexFetches).toHaveLength(1);

	await page.getByRole('navigation', { name: 'Pages of the In Review specs' }).getByRole('link', { name: 'Next' }).click();
	await page.waitForURL(/\/status\/in-review\/2\/\?sort=feature$/u);
	await expect.poll(() => cardFeatures(page)).toEqual(byFeature(all).slice(INDEX_PAGE_SIZE));
	// A card the script wrote is the very markup of the built one (Retry policy v2 is on the built page 2 too).
	const cardOf = (on: Page) => on.locator('.spec-card', { hasText: 'Retry policy v2' }).evaluate((card) => card.outerHTML.replace(/>\s+</gu, '><').trim());
	const built = await open('/status/in-review/2/', { javaScriptEnabled: false });
	expect(await cardOf(page)).toBe(await cardOf(built.page));
	await built.page.context().close();
	await page.context().close();
});

test('without JavaScript the built order’s pages and pager work, and no sort control shows', async () => {
	const { page, indexFetches } = await open('/specs/', { javaScriptEnabled: false });
	expect(await page.locator('thead button').count()).toBe(0);
	await page.getByRole('navigation', { name: 'Pages of the table of all specs' }).getByRole('link', { name: 'Next' }).click();
	await page.waitForURL(/\/specs\/_pages\/2\/$/u);
	expect(await page.locator('tbody tr').count()).toBe(65 - INDEX_PAGE_SIZE);
	const status = await open('/status/in-review/', { javaScriptEnabled: false });
	expect(await status.page.getByLabel('Sort by').isVisible()).toBe(false);
	expect(indexFetches).toEqual([]);
	await page.context().close();
	await status.page.context().close();
});

test('when the compact index cannot be fetched, the page says so and keeps its order', async () => {
	const { page } = await open('/specs/');
	await page.route('**/_index.json', (route) => route.abort());
	const before = await rowFeatures(page);
	await page.getByRole('button', { name: 'Feature' }).click();
	await expect.poll(() => page.locator('[data-sort-status]').textContent()).toBe('The other orders could not be loaded: the table stays newest first.');
	expect(await rowFeatures(page)).toEqual(before);
	await page.context().close();
});

test('an order that arrives after the reader chose another is dropped: the list shows the order chosen last', async () => {
	const { page } = await open('/status/in-review/');
	await page.waitForLoadState('networkidle');
	const built = await cardFeatures(page);
	const builtOrder = await page.getByLabel('Sort by').inputValue();
	// The index arrives only once the reader has gone back to the built order.
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_index.json', async (route) => {
		await held;
		await route.continue();
	});
	await page.getByLabel('Sort by').selectOption({ label: 'Feature' });
	await page.getByLabel('Sort by').selectOption(builtOrder);
	const arrived = page.waitForResponse((response) => response.url().endsWith('/_index.json'));
	release();
	await arrived;
	// Give the late order every chance to be drawn, then check it was not.
	await page.waitForTimeout(300);
	expect(await cardFeatures(page)).toEqual(built);
	expect(await page.getByLabel('Sort by').inputValue()).toBe(builtOrder);
	expect(pathOf(page)).toBe('/status/in-review/');
	await page.context().close();
});
