/**
 * A build that reuses Astro's content cache (unchanged files are not parsed again) still shows the
 * findings of this build (schedule warnings depend on today, not only on the file), and the
 * rendered bodies kept beside the cache (src/content/bodies.ts) come back whole, images included.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSpecsDir, type BuiltSite } from '../helpers/build-fixture.ts';
import { buildSpec, writeFixture } from '../helpers/spec-builder.ts';

const built: BuiltSite[] = [];
// A content cache of this file's own: the builds here tamper with it, beside whatever else runs.
const CACHE = mkdtempSync(join(tmpdir(), 'specbook-cache-'));
afterAll(() => {
	built.forEach((site) => site.cleanup());
	rmSync(CACHE, { recursive: true, force: true });
});

describe('content cache reuse', () => {
	it('a second build on a later day flags a phase that has started since', async () => {
		const fixture = writeFixture({
			'specs/retry.md': buildSpec({
				lastUpdated: '2026-11-01',
				phases: [{ name: 'Foundations', tasks: ['Write the planner'], dependencies: [], timeline: '2026-11-20 → 2026-12-18' }],
			}),
		});
		const started = 'Phase 1 started on 2026-11-20';

		const before = await buildSpecsDir(fixture.path('specs'), { cacheDir: CACHE, today: '2026-11-10' });
		built.push(before);
		expect(before.exitCode, before.output).toBe(0);
		expect(before.read('/specs/retry/')).not.toContain(started);

		// Same file, so Astro keeps its cached entry; only today moved on.
		const after = await buildSpecsDir(fixture.path('specs'), { cacheDir: CACHE, today: '2026-11-26' });
		built.push(after);
		expect(after.exitCode, after.output).toBe(0);
		expect(after.read('/specs/retry/')).toContain(started);
	}, 240_000);

	it('a build with another prefix renders the bodies again: their links between specs follow it', async () => {
		const fixture = writeFixture({
			'specs/ledger.md': buildSpec({ feature: 'Ledger export', extraSections: [{ title: 'Notes', body: 'Retries follow [the retry policy](retry.md).' }] }),
			'specs/retry.md': buildSpec({ feature: 'Retry policy' }),
		});
		const config = 'test/fixtures/prefix/astro.config.mjs';
		const prefixed = await buildSpecsDir(fixture.path('specs'), { cacheDir: CACHE, config, beforeBuild: () => (process.env['TEST_PREFIX'] = '/rfcs/') });
		built.push(prefixed);
		expect(prefixed.exitCode, prefixed.output).toBe(0);
		expect(prefixed.read('/rfcs/specs/ledger/')).toContain('href="/rfcs/specs/retry/"');
		// Same files, so Astro would keep their stored HTML, links and all.
		const plain = await buildSpecsDir(fixture.path('specs'), { cacheDir: CACHE, config });
		built.push(plain);
		expect(plain.exitCode, plain.output).toBe(0);
		expect(plain.read('/specs/ledger/')).toContain('href="/specs/retry/"');
	}, 240_000);

	it('a cache whose rendered bodies were deleted renders them again instead of empty pages', async () => {
		const fixture = writeFixture({
			'specs/ledger.md': buildSpec({ feature: 'Ledger export', extraSections: [{ title: 'Notes', body: 'Nightly exports reconcile the ledger with the bank statements.' }] }),
		});
		let store = '';
		const first = await buildSpecsDir(fixture.path('specs'), { cacheDir: CACHE, afterBuild: () => (store = readFileSync(join(CACHE, 'data-store.json'), 'utf8')) });
		built.push(first);
		expect(first.exitCode, first.output).toBe(0);
		expect(first.read('/specs/ledger/')).toContain('reconcile the ledger with the bank statements');
		// The body is rendered into a file beside the data store, not into the store Astro bundles.
		expect(store).toContain('Ledger export');
		expect(store).not.toContain('reconcile the ledger with the bank statements');
		// It names its body file, with no path: a cache restored into another checkout reads its own.
		expect(store).not.toContain('specbook-bodies');

		// The data store still holds the entry (same file, same digest), but its body file is gone.
		const second = await buildSpecsDir(fixture.path('specs'), {
			cacheDir: CACHE,
			beforeBuild: () => rmSync(join(CACHE, 'specbook-bodies/build'), { recursive: true, force: true }),
		});
		built.push(second);
		expect(second.exitCode, second.output).toBe(0);
		expect(second.read('/specs/ledger/')).toContain('reconcile the ledger with the bank statements');
	}, 240_000);

	it("a Markdown spec's local image is optimised and shown, built cold and from the cache", async () => {
		const fixture = writeFixture({
			'specs/ledger.md': buildSpec({ feature: 'Ledger export', extraSections: [{ title: 'Diagrams', body: '![Nightly export data flow](./export-flow.png)' }] }),
		});
		writeFileSync(fixture.path('specs/export-flow.png'), png(40, 20));
		const image = (site: BuiltSite) => {
			const tag = /<img [^>]*alt="Nightly export data flow"[^>]*>/u.exec(site.read('/specs/ledger/'))?.[0];
			const src = tag && /src="([^"]+)"/u.exec(tag)?.[1];
			return { tag, src, served: src !== undefined && existsSync(join(site.outDir, src)) };
		};
		const cold = await buildSpecsDir(fixture.path('specs'), {
			cacheDir: CACHE,
			beforeBuild: () => rmSync(join(CACHE, 'data-store.json'), { force: true }),
		});
		built.push(cold);
		expect(cold.exitCode, cold.output).toBe(0);
		expect(image(cold)).toMatchObject({ src: expect.stringMatching(/^\/_astro\/export-flow\.[\w-]+\.webp$/u), served: true });
		expect(image(cold).tag).toContain('width="40" height="20"');

		// Same file: the entry and its body come from the cache this time.
		const cached = await buildSpecsDir(fixture.path('specs'), { cacheDir: CACHE });
		built.push(cached);
		expect(cached.exitCode, cached.output).toBe(0);
		expect(image(cached)).toEqual(image(cold));
	}, 240_000);
});

/** A `width` × `height` PNG of one colour. */
function png(width: number, height: number): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const framed = Buffer.alloc(body.length + 8);
		framed.writeUInt32BE(data.length, 0);
		body.copy(framed, 4);
		framed.writeUInt32BE(crc32(body), body.length + 4);
		return framed;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x60)]);
	const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
