/**
 * With the Content-Security-Policy off (`csp: false`), the unsafe-HTML check is the only wall. Every
 * payload of the unit test's table is refused by the check, so none can be built; what the check
 * lets through (the harmless HTML authors write, and the payloads shown as code, text or comments)
 * is built without the CSP and visited in Chromium, where no script of theirs may run.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeSpecs } from '../../src/core/index.ts';
import type { BuiltSite } from '../helpers/build-fixture.ts';
import { builtFixture } from '../helpers/fixtures.ts';
import { markingPayloads as payloads, NO_CSP_SPECS, payloadSpec as spec } from '../helpers/html-payloads.ts';
import { launchBrowser, preview, type Preview } from '../helpers/preview.ts';

const TODAY = '2026-11-26';
const pages = Object.keys(NO_CSP_SPECS).filter((path) => path.endsWith('.md'));

describe('with the CSP off', () => {
	let site: BuiltSite | undefined;
	let server: Preview | undefined;
	let browser: Browser | undefined;

	beforeAll(async () => {
		site = builtFixture('no-csp');
		server = await preview(site.outDir);
		browser = await launchBrowser();
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	test('check refuses every payload, so none of them can be built', () => {
		for (const [name, markdown] of payloads) {
			const { diagnostics } = analyzeSpecs([{ path: 'specs/p.md', source: spec('Payload', markdown) }], { specsDir: 'specs', today: TODAY, fileExists: () => true });
			expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.code), name).toContainEqual(expect.stringMatching(/^html-(unsafe|pagefind-attribute)$/u));
		}
	});

	test('the pages have no policy, so a script that got onto them would run', async () => {
		const page = await browser!.newPage();
		await page.goto(`${server!.url}/specs/design/harmless/`);
		expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(0);
		// The harness sees a script run: an event handler added to the page sets the marker.
		await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__pwned = 1">'));
		await page.waitForFunction(() => (window as unknown as { __pwned?: number }).__pwned === 1);
		await page.close();
	});

	test('no script of the harmless set or the quoted payloads runs, whatever events they get', async () => {
		const ran: string[] = [];
		for (const path of pages) {
			const url = `${server!.url}/specs/${path.replace(/\.md$/u, '')}/`;
			const page = await browser!.newPage();
			page.on('dialog', (dialog) => {
				ran.push(`${path}: a dialog (${dialog.message()})`);
				void dialog.dismiss();
			});
			await page.goto(url);
			await page.waitForLoadState('load');
			expect(await page.locator('.spec-body').count(), url).toBe(1);
			// Handlers that need a reader: every element of the body gets the events they wait for.
			await page.evaluate(() => {
				for (const element of document.querySelectorAll('.spec-body *')) {
					for (const type of ['mouseover', 'mouseenter', 'focus', 'blur', 'click', 'toggle', 'animationstart', 'load', 'error']) {
						// A click on a link would leave the page.
						if (type === 'click' && element.closest('a')) continue;
						element.dispatchEvent(new Event(type, { bubbles: true }));
					}
				}
			});
			await page.waitForTimeout(100);
			if (await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned !== undefined)) ran.push(`${path}: window.__pwned was set`);
			await page.close();
		}
		expect(ran).toEqual([]);
	}, 300_000);
});
