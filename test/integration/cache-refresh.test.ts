/**
 * A build that reuses Astro's content cache (unchanged files are not parsed again) still shows the
 * findings of this build: schedule warnings depend on today, not only on the file.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSpecsDir, ROOT, type BuiltSite } from '../helpers/build-fixture.ts';
import { buildSpec, writeFixture } from '../helpers/spec-builder.ts';

const built: BuiltSite[] = [];
afterAll(() => built.forEach((site) => site.cleanup()));

describe('content cache reuse', () => {
	it('a second build on a later day flags a phase that has started since', async () => {
		const fixture = writeFixture({
			'specs/retry.md': buildSpec({
				lastUpdated: '2026-11-01',
				phases: [{ name: 'Foundations', tasks: ['Write the planner'], dependencies: [], timeline: '2026-11-20 → 2026-12-18' }],
			}),
		});
		const started = 'Phase 1 started on 2026-11-20';

		const before = await buildSpecsDir(fixture.path('specs'), { today: '2026-11-10' });
		built.push(before);
		expect(before.exitCode, before.output).toBe(0);
		expect(before.read('/specs/retry/')).not.toContain(started);

		// Same file, so Astro keeps its cached entry; only today moved on.
		const after = await buildSpecsDir(fixture.path('specs'), { today: '2026-11-26' });
		built.push(after);
		expect(after.exitCode, after.output).toBe(0);
		expect(after.read('/specs/retry/')).toContain(started);
	}, 240_000);

	it('a cache whose rendered bodies were deleted renders them again instead of empty pages', async () => {
		const fixture = writeFixture({
			'specs/ledger.md': buildSpec({ feature: 'Ledger export', extraSections: [{ title: 'Notes', body: 'Nightly exports reconcile the ledger with the bank statements.' }] }),
		});
		let store = '';
		const first = await buildSpecsDir(fixture.path('specs'), { afterBuild: () => (store = readFileSync(join(ROOT, 'node_modules/.astro/data-store.json'), 'utf8')) });
		built.push(first);
		expect(first.exitCode, first.output).toBe(0);
		expect(first.read('/specs/ledger/')).toContain('reconcile the ledger with the bank statements');
		// The body is rendered into a file beside the data store, not into the store Astro bundles.
		expect(store).toContain('Ledger export');
		expect(store).not.toContain('reconcile the ledger with the bank statements');

		// The data store still holds the entry (same file, same digest), but its body file is gone.
		const second = await buildSpecsDir(fixture.path('specs'), {
			beforeBuild: () => rmSync(join(ROOT, 'node_modules/.astro/specbook-bodies/build'), { recursive: true, force: true }),
		});
		built.push(second);
		expect(second.exitCode, second.output).toBe(0);
		expect(second.read('/specs/ledger/')).toContain('reconcile the ledger with the bank statements');
	}, 240_000);
});
