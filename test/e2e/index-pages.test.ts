/**
 * The long indexes in Chromium, on the site of 65 specs: a status index and the table of all specs
 * take two pages, and sorting spans both (src/site/index-pages.ts).
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

async function open(path: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.goto(server.url + path);
	return page;
}

const byFeature = (features: string[]) => [...features].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }));

test('choosing Feature on page 2 of a status index opens that order, whose page 2 holds the end of the alphabet', async () => {
	const cards = async (page: Page) => (await page.locator('.spec-card-title a').allTextContents()).map((text) => text.trim());
	const page = await open('/status/in-review/2/');
	const all = [...(await cards(page))];
	await page.getByLabel('Sort by').selectOption({ label: 'Feature' });
	await page.waitForURL(/\/status\/in-review\/feature\/$/u);
	all.push(...(await cards(await open('/status/in-review/'))));
	await page.getByRole('navigation', { name: 'Pages of the In Review specs' }).getByRole('link', { name: 'Next' }).click();
	await page.waitForURL(/\/status\/in-review\/feature\/2\/$/u);
	expect(await cards(page)).toEqual(byFeature(all).slice(INDEX_PAGE_SIZE));
	expect(await page.getByRole('link', { name: 'Page 2', exact: true }).getAttribute('aria-current')).toBe('page');
	await page.context().close();
});

test('a paged table sorts by a column heading across its pages', async () => {
	const features = async (page: Page) => (await page.locator('tbody th a').allTextContents()).map((text) => text.trim());
	const page = await open('/specs/');
	const all = [...(await features(page)), ...(await features(await open('/specs/_pages/2/')))];
	await page.locator('th[data-sort-key="feature"] a').click();
	await page.waitForURL(/\/specs\/_pages\/feature-ascending\/$/u);
	expect(await features(page)).toEqual(byFeature(all).slice(0, INDEX_PAGE_SIZE));
	await page.getByRole('link', { name: 'Next' }).click();
	await page.waitForURL(/\/specs\/_pages\/feature-ascending\/2\/$/u);
	expect(await features(page)).toEqual(byFeature(all).slice(INDEX_PAGE_SIZE));
	await page.context().close();
});
