/**
 * The search page's facets on the sample site (specs/: 25 tags) in Chromium. A facet gives
 * elements only to the values it shows, so a registry with hundreds of authors and tags does not
 * build them all on load: building and sorting every value was what blocked a phone's main thread
 * on /search/ (issue 15). Counted in elements, not timed.
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

async function open(path: string): Promise<Page> {
	context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.goto(server.url + path);
	return page;
}

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
