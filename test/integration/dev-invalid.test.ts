/**
 * `astro dev` keeps serving a site whose specs have errors, showing each invalid spec's errors on its
 * page. It must never show that spec's body: what `check` refused as unsafe (raw `<script>`, event
 * handlers) would run there, and dev has no CSP.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanEnv, FIXTURE_TODAY, ROOT } from '../helpers/build-fixture.ts';
import { freePort } from '../helpers/preview.ts';
import { buildSpec } from '../helpers/spec-builder.ts';

const PAYLOAD = '<script>window.__pwned = 1</script>\n\n<img src="x" onerror="window.__pwned = 2">';

/** The page once the dev server answers 200 for it (it syncs the content first). */
async function page(url: string, deadline: number): Promise<string> {
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			if (response.status === 200) return await response.text();
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`${url} was not served in time`);
}

describe('astro dev with an unsafe spec', () => {
	const folder = mkdtempSync(join(tmpdir(), 'specbook-dev-'));
	const pages: Record<string, string> = {};
	let output = '';

	beforeAll(async () => {
		mkdirSync(join(folder, 'specs'));
		writeFileSync(join(folder, 'specs/unsafe.md'), buildSpec({ feature: 'Unsafe', status: 'Draft', extraSections: [{ title: 'Appendix', body: `Unsafe body marker.\n\n${PAYLOAD}` }] }));
		writeFileSync(join(folder, 'specs/safe.md'), buildSpec({ feature: 'Safe', status: 'Draft', extraSections: [{ title: 'Appendix', body: 'Safe body marker.' }] }));
		// The only Astro command of the test run besides the fixtures built before it (test/setup/fixtures.ts)
		// and the cache test's builds, which use a cache of their own.
		const port = await freePort();
		const child = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
			cwd: ROOT,
			env: { ...cleanEnv(), SPECS_DIR: join(folder, 'specs'), SPECBOOK_TODAY: FIXTURE_TODAY, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		try {
			const deadline = Date.now() + 150_000;
			for (const id of ['unsafe', 'safe']) pages[id] = await page(`http://127.0.0.1:${port}/specs/${id}/`, deadline);
		} finally {
			// The dev server and whatever it started: its own process group.
			try {
				process.kill(-child.pid!, 'SIGTERM');
			} catch {}
		}
	}, 180_000);

	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	test('its page shows the errors, located', () => {
		expect(pages['unsafe'], output).toContain('html-unsafe');
		expect(pages['unsafe']).toMatch(/specs\/unsafe\.md:\d+:\d+: error html-unsafe/);
	});

	test('and not its body: neither the text nor the script', () => {
		expect(pages['unsafe']).not.toContain('Unsafe body marker.');
		expect(pages['unsafe']).not.toContain('__pwned');
	});

	test('a valid spec beside it shows its body as usual', () => {
		expect(pages['safe']).toContain('Safe body marker.');
	});
});
