/**
 * The timeline fixture in Chromium: what the scale of each phase timeline and of the roadmap shows
 * must lie inside the timeline, on a phone and on a desktop (a label is measured, not clipped).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixture, type Preview, type ServedFixture } from '../helpers/preview.ts';

let server: Preview;
let browser: Browser;
let served: ServedFixture | undefined;

beforeAll(async () => {
	served = await serveFixture('timeline');
	({ server, browser } = served);
}, 240_000);

afterAll(() => served?.close());

/** The fixture's pages that draw a timeline: the roadmap, and each spec page with a scale. */
function pagesWithTimelines(): string[] {
	const specPages = served!.site
		.files()
		.filter((file) => file.startsWith('specs/') && file.endsWith('/index.html'))
		.map((file) => `/${file.replace(/index\.html$/u, '')}`)
		.filter((path) => served!.site.read(path).includes('class="tl-scale"'));
	return ['/timeline/', ...specPages];
}

describe('timeline scales', () => {
	test('every tick label shown lies inside its timeline, at 375 px and at 1280 px', async () => {
		const pages = pagesWithTimelines();
		// The week-based timeline whose last label, "Week 9", starts on the axis's last, narrow tick.
		expect(pages).toContain('/specs/data/feature-store/');
		for (const width of [375, 1280]) {
			const context = await browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			for (const path of pages) {
				await page.goto(server.url + path);
				const outside = await page.evaluate(() =>
					[...document.querySelectorAll<HTMLElement>('.tl-body')].flatMap((body) => {
						const box = body.getBoundingClientRect();
						return [...body.querySelectorAll<HTMLElement>('.tl-scale b')]
							.filter((label) => label.checkVisibility({ visibilityProperty: true }))
							.filter((label) => {
								const { left, right } = label.getBoundingClientRect();
								return left < box.left - 0.5 || right > box.right + 0.5;
							})
							.map((label) => label.textContent?.trim());
					}),
				);
				expect(outside, `${path} at ${width} px`).toEqual([]);
			}
			await context.close();
		}
	});
});
