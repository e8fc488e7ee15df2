/**
 * The timeline fixture in Chromium: what the scale of each phase timeline and of each roadmap
 * window shows must lie inside the scale, on a phone and on a desktop (a label is measured, not
 * clipped); a bar running past a window's edge ends at that edge, pointed.
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

/** The fixture's pages that draw a timeline: the roadmap's windows, and each spec page with a scale. */
function pagesWithTimelines(): string[] {
	const specPages = served!.site
		.files()
		.filter((file) => file.startsWith('specs/') && file.endsWith('/index.html'))
		.map((file) => `/${file.replace(/index\.html$/u, '')}`)
		.filter((path) => served!.site.read(path).includes('class="tl-scale"'));
	// Today's window, the one before (Q1–Q3 2026) and the one after (Q3 2027 – Q1 2028).
	return ['/timeline/', '/timeline/2026-q1/', '/timeline/2027-q3/', ...specPages];
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

describe('roadmap windows', () => {
	test('a bar that runs past the window’s edge stops at the edge and is drawn pointed there, at 390 px and at 1280 px', async () => {
		for (const width of [390, 1280]) {
			const context = await browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			for (const [path, edge] of [['/timeline/', 'start'], ['/timeline/2026-q1/', 'end']] as const) {
				await page.goto(server.url + path);
				const bar = page.locator(`.tl-phases span[data-b="${edge}"]`).first();
				const [box, track] = await Promise.all([bar.boundingBox(), bar.locator('..').boundingBox()]);
				const at = edge === 'start' ? box!.x - track!.x : track!.x + track!.width - (box!.x + box!.width);
				expect(Math.abs(at), `${path} at ${width} px`).toBeLessThanOrEqual(1);
				expect(await bar.evaluate((element) => getComputedStyle(element).clipPath)).toMatch(/^polygon/);
			}
			await context.close();
		}
	});

	test('the links to other windows name their quarters and lead to them', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/timeline/`);
		await page.getByRole('navigation', { name: 'Roadmap windows' }).getByRole('link', { name: 'Later: Q3 2027 – Q1 2028 →' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Roadmap, Q3 2027 – Q1 2028');
		await page.getByRole('link', { name: 'Draft (2)' }).click();
		await page.getByRole('link', { name: '← Earlier: Q4 2026 – Q2 2027' }).click();
		await expect.poll(() => new URL(page.url()).pathname).toBe('/timeline/draft/');
		await page.close();
	});
});
