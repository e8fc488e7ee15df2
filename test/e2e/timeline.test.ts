/**
 * The timeline fixture in Chromium: what the scale of each phase timeline and of the roadmap shows
 * must lie inside the scale, on a phone and on a desktop (a label is measured, not clipped).
 */
import type { Browser, Page } from 'playwright-core';
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

/**
 * What is wrong with the page's scales: labels (tick labels and the Today flag) reaching outside
 * their scale, and tick labels neither starting at their gridline nor ending at the scale's end.
 */
function scaleProblems(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('.tl-scale')].flatMap((scale) => {
			const box = scale.getBoundingClientRect();
			return [...scale.querySelectorAll<HTMLElement>(':scope > span > b')]
				.filter((label) => label.checkVisibility({ visibilityProperty: true }))
				.flatMap((label) => {
					const { left, right } = label.getBoundingClientRect();
					const name = label.textContent?.trim();
					if (left < box.left - 0.5 || right > box.right + 0.5) return [`${name} is outside the scale`];
					const tick = label.parentElement!;
					if (tick.classList.contains('tl-today')) return [];
					const atGridline = Math.abs(left - tick.getBoundingClientRect().left) <= 1;
					const atEnd = Math.abs(right - box.right) <= 1;
					return atGridline || atEnd ? [] : [`${name} is neither at its gridline nor at the end`];
				});
		}),
	);
}

describe('timeline scales', () => {
	test('every label shown lies inside its scale, at its gridline or at the end, at 375 px and at 1280 px', async () => {
		const pages = pagesWithTimelines();
		// The week-based timeline whose last label, "Week 9", starts on the axis's last, narrow tick.
		expect(pages).toContain('/specs/data/feature-store/');
		for (const width of [375, 1280]) {
			const context = await browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			for (const path of pages) {
				await page.goto(server.url + path);
				expect(await scaleProblems(page), `${path} at ${width} px`).toEqual([]);
			}
			await context.close();
		}
	});

	test('the Today flag stays inside the scale when today is at either end of it', async () => {
		for (const width of [375, 1280]) {
			const context = await browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			for (const path of ['/specs/ledger/idempotency/', '/timeline/']) {
				await page.goto(server.url + path);
				for (const at of [0, 0.5, 99.5, 100]) {
					// The line's place as the page writes it (TimelineScale.astro), moved to the end.
					await page.evaluate((at) => {
						for (const line of document.querySelectorAll<HTMLElement>('.tl-today')) line.setAttribute('style', `left:${at}%;--at:${at}`);
					}, at);
					expect(await scaleProblems(page), `${path} at ${width} px, today at ${at}%`).toEqual([]);
				}
			}
			await context.close();
		}
	});
});
