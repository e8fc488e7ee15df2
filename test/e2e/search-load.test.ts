/**
 * What loading the search page costs, on the sample site (specs/: 25 tags) in Chromium, counted
 * rather than timed (issue 15: /search/ blocked a phone's main thread and shifted as it filled in).
 * A facet gives elements only to the values it shows, so a registry with hundreds of authors and
 * tags does not build them all on load; and nothing on the page moves when the results arrive.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { serveFixture, type Preview, type ServedFixture } from '../helpers/preview.ts';

let server: Preview;
let browser: Browser;
let served: ServedFixture | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
	served = await serveFixture('sample');
	({ server, browser } = served);
}, 240_000);

afterAll(() => served?.close());

afterEach(async () => {
	await context?.close();
	context = undefined;
});

async function open(path: string, width = 1280): Promise<Page> {
	context = await browser.newContext({ viewport: { width, height: 900 } });
	const page = await context.newPage();
	await page.addInitScript(() => {
		const shifts: number[] = ((window as unknown as { layoutShifts: number[] }).layoutShifts = []);
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
		}).observe({ type: 'layout-shift', buffered: true });
	});
	await page.goto(server.url + path);
	return page;
}

/** Every layout shift the page has had so far (its scores; Lighthouse's CLS adds them up). */
const layoutShifts = (page: Page) => page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);

const tagItems = (page: Page) => page.locator('fieldset[data-facet="tag"] li');
const visibleTags = (page: Page) => page.locator('fieldset[data-facet="tag"] li:not([hidden]) [data-facet-name]').allTextContents();

async function settled(page: Page, summary: RegExp) {
	await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(summary);
}

test('a long facet has elements for its first eight values only, and for the rest once asked', async () => {
	const page = await open('/search/?q=retry');
	await settled(page, /specs match “retry”/);
	expect(await tagItems(page).count()).toBe(8);
	expect(await visibleTags(page)).toHaveLength(8);

	await page.getByRole('button', { name: 'Show all 25 tags' }).click();
	expect(await tagItems(page).count()).toBe(25);
	expect(await visibleTags(page)).toHaveLength(25);
	// Values shown late carry the last search's counts too.
	const counts = await page.locator('fieldset[data-facet="tag"] [data-facet-count]').allTextContents();
	expect(counts.every((count) => /^\d+$/.test(count))).toBe(true);
	expect(counts.filter((count) => count !== '0').length).toBeGreaterThan(0);

	await page.getByRole('button', { name: 'Show fewer' }).click();
	expect(await visibleTags(page)).toHaveLength(8);
});

test('a selected value beyond the first eight gets its element, checked, after them', async () => {
	const page = await open('/search/?tag=web');
	await settled(page, /^1 spec with the selected filters/);
	expect(await tagItems(page).count()).toBe(9);
	const last = tagItems(page).last();
	expect(await last.locator('[data-facet-name]').textContent()).toBe('web');
	expect(await last.getByRole('checkbox').isChecked()).toBe(true);

	// Unchecked, it goes back to being one of the values beyond "Show all".
	await last.getByRole('checkbox').uncheck();
	await settled(page, /^\d+ specs, most recently updated first/);
	expect(await visibleTags(page)).toHaveLength(8);
});

test('nothing moves while the search fills in, on a phone or a desktop', async () => {
	for (const width of [412, 1280]) {
		const page = await open('/search/?q=retry', width);
		await settled(page, /specs match “retry”/);
		expect(await page.locator('[data-results] > li').count()).toBeGreaterThan(0);
		expect(await page.locator('[data-search-fallback]').isVisible()).toBe(false);
		// Lighthouse rounds to 0.000 what is below a thousandth (sub-pixel moves of the count text).
		const total = (await layoutShifts(page)).reduce((sum, shift) => sum + shift, 0);
		expect(total, `at ${width} px`).toBeLessThan(0.001);
		await context?.close();
	}
});

test('when the index cannot load, the links to the indexes show instead of the search', async () => {
	context = await browser.newContext({ viewport: { width: 412, height: 900 } });
	const page = await context.newPage();
	await page.route('**/pagefind/pagefind.js', (route) => route.abort());
	await page.goto(server.url + '/search/?q=retry');
	const fallback = page.locator('[data-search-fallback]');
	await expect.poll(() => fallback.isVisible(), { timeout: 10_000 }).toBe(true);
	expect(await fallback.textContent()).toContain('Search is not available right now.');
	expect(await page.locator('[data-search-form]').isVisible()).toBe(false);
	expect(await page.locator('[data-search-main]').isVisible()).toBe(false);
});
