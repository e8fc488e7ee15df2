/**
 * A spec page must not grow with the number of specs (Starlight's default sidebar lists every page
 * on every page: 1,000 pages measured 231 MB). The same spec is built beside 4 and beside 60
 * others; its page may differ only in the sidebar's counts and the source path.
 */
import { expect, test } from 'vitest';
import type { BuiltSite } from '../helpers/build-fixture.ts';
import { builtFixture } from '../helpers/fixtures.ts';
import { EXTRA_SPECS } from '../helpers/generated-specs.ts';

const small = builtFixture('site');
const large = builtFixture('site-and-60');

/**
 * The page without what legitimately differs: the sidebar's counts (and Starlight's hash of the
 * sidebar, which covers them) and the specs folder in the edit link.
 */
const normalized = (site: BuiltSite, path: string) =>
	site
		.read(path)
		.replaceAll(site.specsDir, 'SPECS')
		.replace(/ \(\d+\)</g, ' (n)<')
		.replace(/data-hash="[^"]*"/g, 'data-hash=""');

test('the larger site really has more specs', () => {
	const count = (site: BuiltSite) => (JSON.parse(site.read('/api/specs.json')) as { specs: unknown[] }).specs.length;
	expect(count(small)).toBe(5);
	expect(count(large)).toBe(5 + EXTRA_SPECS);
});

test('a spec page is the same whatever the number of specs', () => {
	for (const path of ['/specs/payments/retry-v2/', '/specs/early/']) {
		expect(normalized(large, path)).toBe(normalized(small, path));
	}
});

test('so are the status and author pages of specs that did not change', () => {
	expect(normalized(large, '/authors/dee-evans/')).toBe(normalized(small, '/authors/dee-evans/'));
});

test('the search index is split into more, small files as specs are added, so a query fetches little beyond its own words', () => {
	// PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (src/integration/internals/pagefind-tuning.ts). Pagefind's
	// default chunking puts each of these sites in one or two files.
	const indexFiles = (site: BuiltSite) => site.files().filter((file) => file.startsWith('pagefind/index/')).length;
	expect(indexFiles(large)).toBeGreaterThanOrEqual(2 * indexFiles(small) + 4);
});
