/**
 * The Content-Security-Policy in Chromium: every kind of page carries it, and nothing on them
 * (Starlight's inline scripts, the table sort, Expressive Code, Pagefind's WebAssembly and worker)
 * is refused; search still finds specs, on its page and in the header's modal.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuiltSite } from '../helpers/build-fixture.ts';
import { serveFixture, type Preview, type ServedFixture } from '../helpers/preview.ts';

let site: BuiltSite;
let server: Preview;
let browser: Browser;
let served: ServedFixture | undefined;

beforeAll(async () => {
	served = await serveFixture('hardening-at-root');
	({ site, server, browser } = served);
}, 240_000);

afterAll(() => served?.close());

interface Watched {
	page: Page;
	/** CSP violations and console errors so far, one line each. */
	problems(): Promise<string[]>;
}

/** A page that records every CSP violation (from the document's first script on) and console error. */
async function watch(path: string, options: { withoutWorkers?: boolean } = {}): Promise<Watched> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	// Pagefind then runs its WebAssembly in the page itself, under the page's policy (a worker
	// script gets its own policy from its HTTP headers, none under `astro preview`).
	if (options.withoutWorkers) await context.addInitScript(() => Reflect.deleteProperty(window, 'Worker'));
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
		});
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		// The 404 page is itself served with status 404, which Chromium logs.
		const own404 = message.location().url === server.url + path && message.text().includes('status of 404');
		if (message.type() === 'error' && !own404) errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
	await page.goto(server.url + path);
	await page.waitForLoadState('networkidle');
	return {
		page,
		problems: async () => [...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)), ...errors],
	};
}

const PAGES = [
	'/',
	'/specs/',
	'/specs/payments/refunds/',
	// MDX, with a Starlight component.
	'/specs/identity/passkeys/',
	// A code block: Expressive Code's copy button script.
	'/specs/ledger/idempotency/',
	'/status/in-review/',
	'/status/stale/',
	'/authors/',
	'/timeline/',
	'/guide/',
	'/guide/configuration/',
	'/search/',
	'/no-such-page/',
];

describe('Content-Security-Policy', () => {
	test('every page has the policy: no inline script allowed beyond hashes, Pagefind’s WebAssembly allowed', () => {
		for (const path of ['/', '/specs/payments/refunds/', '/search/', '/guide/', '/404.html']) {
			const html = site.read(path);
			const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
			expect(policy, path).toContain("default-src 'self'");
			expect(policy, path).toContain("img-src 'self' data:");
			expect(policy, path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
			expect(/script-src[^;]*'unsafe-inline'/.test(policy), path).toBe(false);
		}
	});

	test.each(PAGES)('%s loads without a violation or a console error', async (path) => {
		const { page, problems } = await watch(path);
		expect(await problems()).toEqual([]);
		await page.context().close();
	});

	test('the table still sorts', async () => {
		const { page, problems } = await watch('/specs/');
		await page.getByRole('button', { name: 'Feature' }).click();
		const features = (await page.locator('table[data-spec-table] tbody th').allTextContents()).map((text) => text.trim());
		expect(features).toEqual([...features].sort((a, b) => a.localeCompare(b, 'en')));
		expect(features[0]).toBe('Forgotten draft');
		expect(await problems()).toEqual([]);
		await page.context().close();
	});

	test('the search page finds a spec from its URL query', async () => {
		const { page, problems } = await watch('/search/?q=idempotency');
		await expect.poll(() => page.locator('main a[href="/specs/ledger/idempotency/"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
		expect(await problems()).toEqual([]);
		await page.context().close();
	});

	test('search also works where Pagefind runs in the page (no worker): its WebAssembly is allowed', async () => {
		const { page, problems } = await watch('/search/?q=idempotency', { withoutWorkers: true });
		expect(await page.evaluate(() => typeof Worker)).toBe('undefined');
		await expect.poll(() => page.locator('main a[href="/specs/ledger/idempotency/"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
		expect(await problems()).toEqual([]);
		await page.context().close();
	});

	test('the header search modal finds a spec', async () => {
		const { page, problems } = await watch('/specs/');
		await page.locator('button[data-open-modal]').click();
		await page.locator('dialog .pagefind-ui__search-input').fill('refunds');
		await expect.poll(() => page.locator('dialog .pagefind-ui__result a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
		expect(await page.locator('dialog .pagefind-ui__result a').first().getAttribute('href')).toContain('/specs/payments/refunds/');
		expect(await problems()).toEqual([]);
		await page.context().close();
	});

	test('an injected inline script is refused (the policy is enforced, not just present)', async () => {
		const { page, problems } = await watch('/');
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__injected = true;';
			document.body.append(script);
		});
		expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
		expect((await problems()).some((problem) => problem.startsWith('script-src'))).toBe(true);
		await page.context().close();
	});
});
