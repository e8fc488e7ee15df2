/**
 * Text contrast of every status badge, stale badge and Today flag, as Chromium computes their
 * colours, in the light and the dark theme: WCAG AA asks 4.5:1 for text this small. The Today
 * flag was white on pink, 3.59:1.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixture, type Preview, type ServedFixture } from '../helpers/preview.ts';

const LABELS = '.status-badge, .stale-badge, .tl-today > b';

let server: Preview;
let browser: Browser;
let served: ServedFixture | undefined;

beforeAll(async () => {
	served = await serveFixture('timeline');
	({ server, browser } = served);
}, 240_000);

afterAll(() => served?.close());

/** Each label on the page: what it says, and the contrast of its text on what is behind it. */
async function contrasts(path: string, theme: 'light' | 'dark'): Promise<{ label: string; ratio: number }[]> {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
	await page.goto(`${server.url}${path}`);
	await page.waitForLoadState('load');
	expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
	// The fixture's today may fall outside every scale: give the first scale a Today line as the page draws it.
	await page.evaluate(() => {
		const scale = document.querySelector('.tl-scale');
		if (scale && !scale.querySelector('.tl-today')) scale.insertAdjacentHTML('beforeend', '<span class="tl-today" style="left:50%;--at:50"><b>Today</b></span>');
	});
	const found = await page.evaluate((selector) => {
		const channels = (css: string) => (css.match(/[\d.]+/gu) ?? []).map(Number);
		const luminance = ([r, g, b]: number[]) => {
			const linear = (value: number) => ((value /= 255) <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
			return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
		};
		/** The colour behind an element: its own background, blended over its ancestors' where see-through. */
		const behind = (element: Element | null): number[] => {
			if (!element) return [255, 255, 255];
			const [r = 0, g = 0, b = 0, a = 1] = channels(getComputedStyle(element).backgroundColor);
			if (a >= 1) return [r, g, b];
			const under = behind(element.parentElement);
			return [r, g, b].map((value, index) => value * a + under[index]! * (1 - a));
		};
		return [...document.querySelectorAll<HTMLElement>(selector)]
			.filter((element) => element.checkVisibility())
			.map((element) => {
				const background = behind(element);
				const [r = 0, g = 0, b = 0, a = 1] = channels(getComputedStyle(element).color);
				const text = [r, g, b].map((value, index) => value * a + background[index]! * (1 - a));
				const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
				return { label: `${element.closest(".tl-today") ? "tl-today" : element.className.split(" ")[0]} "${element.textContent!.trim()}"`, ratio: (light! + 0.05) / (dark! + 0.05) };
			});
	}, LABELS);
	await page.close();
	return found;
}

describe('badges and flags are readable in both themes', () => {
	for (const theme of ['light', 'dark'] as const) {
		test(`${theme}: every label on the roadmap and the spec pages reaches 4.5:1`, async () => {
			const specPages = served!.site
				.files()
				.filter((file) => /^specs\/.+\/index\.html$/u.test(file))
				.map((file) => `/${file.replace(/index\.html$/u, '')}`);
			const labels = (await Promise.all(['/timeline/', '/specs/', ...specPages].map((path) => contrasts(path, theme)))).flat();
			// Every kind of label is there to be measured.
			for (const kind of ['status-badge', 'tl-today']) expect(labels.some(({ label }) => label.startsWith(kind)), kind).toBe(true);
			const low = labels.filter(({ ratio }) => ratio < 4.5).map(({ label, ratio }) => `${label} ${ratio.toFixed(2)}:1`);
			expect([...new Set(low)]).toEqual([]);
		}, 120_000);
	}
});
