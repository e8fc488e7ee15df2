/**
 * With the Content-Security-Policy off (`csp: false`), the unsafe-HTML check is the only wall. Every
 * payload of the unit test's table is refused by the check, so none can be built; what the check
 * lets through (the harmless HTML authors write, and the payloads shown as code, text or comments)
 * is built without the CSP and visited in Chromium, where no script of theirs may run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeSpecs } from '../../src/core/index.ts';
import { buildSpecsDir, type BuiltSite } from '../helpers/build-fixture.ts';
import { HARMLESS, PAYLOADS } from '../helpers/html-payloads.ts';
import { launchBrowser, preview, type Preview } from '../helpers/preview.ts';
import { buildSpec } from '../helpers/spec-builder.ts';

const TODAY = '2026-11-26';
const PWN = 'window.__pwned=1';

/** Each payload set to mark the page when it runs. */
const payloads = Object.entries(PAYLOADS).map(([name, payload]) => [name, payload.markdown.replaceAll('alert(1)', PWN)] as const);

const spec = (feature: string, appendix: string) => buildSpec({ feature, status: 'Draft', extraSections: [{ title: 'Appendix', body: appendix }] });

const fence = '~~~~~~~~';
/** The published specs: the harmless set on one page, and every payload shown as code on another, each under a heading of its own. */
const files: Record<string, string> = {
	'design/harmless.md': spec('Harmless HTML', Object.entries(HARMLESS).map(([name, markdown]) => `### ${name.replaceAll('<', '&lt;')}\n\n${markdown}\n`).join('\n')),
	'design/quoted.md': spec(
		'Payloads as code',
		payloads.map(([name, markdown]) => `### ${name.replaceAll('<', '&lt;')}\n\n${fence}html\n${markdown}\n${fence}\n\nInline: \`\` ${markdown.replaceAll('\n', ' ').replaceAll('`', "'")} \`\`\n`).join('\n'),
	),
	'ledger/idempotency.md': spec('Idempotency', 'Linked from the harmless set.'),
};

describe('with the CSP off', () => {
	const folder = mkdtempSync(join(tmpdir(), 'specbook-no-csp-'));
	let site: BuiltSite | undefined;
	let server: Preview | undefined;
	let browser: Browser | undefined;

	beforeAll(async () => {
		for (const [path, source] of Object.entries(files)) {
			mkdirSync(dirname(join(folder, 'specs', path)), { recursive: true });
			writeFileSync(join(folder, 'specs', path), source);
		}
		// The files the harmless set links to.
		for (const path of ['specs/design/x.png', 'specs/design/chart.png', 'specs/design/notes.txt']) writeFileSync(join(folder, path), '');
		site = await buildSpecsDir(join(folder, 'specs'), { config: 'test/fixtures/csp-off/astro.config.mjs' });
		if (site.exitCode !== 0) throw new Error(`The build failed:\n${site.output}`);
		server = await preview(site.outDir);
		browser = await launchBrowser();
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		site?.cleanup();
		rmSync(folder, { recursive: true, force: true });
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
		for (const path of Object.keys(files)) {
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
