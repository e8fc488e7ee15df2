/**
 * A spec page must not grow with the number of specs (Starlight's default sidebar lists every page
 * on every page: 1,000 pages measured 231 MB). The same spec is built beside 4 and beside 60
 * others; its page may differ only in the sidebar's counts and the source path. Nor may a roadmap
 * page: a window with more specs than a page holds is split into pages, and so is a status index.
 */
import { expect, test } from 'vitest';
import { FIXTURE_TODAY, type BuiltSite } from '../helpers/build-fixture.ts';
import { builtFixture } from '../helpers/fixtures.ts';
import { EXTRA_SPECS } from '../helpers/generated-specs.ts';
import { attribute, element, elements, hrefs, textOf } from '../helpers/html.ts';
import type { ApiDocument } from '../../src/site/api.ts';
import { INDEX_PAGE_SIZE } from '../../src/site/index-pages.ts';
import { overlapsWindow, ROADMAP_PAGE_SIZE, windowAt } from '../../src/site/roadmap-window.ts';

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

test('a roadmap page holds a page’s worth of specs whatever their number, the rest a link away', () => {
	// Every generated spec has phases in 2027, in the window of the fixtures' today (Q4 2026 – Q2 2027).
	const specsOn = (path: string) => elements(element(large.read(path), /<ol class="tl-specs"/) ?? '', /<li><h2>/).map((group) => hrefs(group)[0]);
	const [first, second] = [specsOn('/timeline/'), specsOn('/timeline/2/')];
	expect(first).toHaveLength(ROADMAP_PAGE_SIZE);
	// Each spec with a phase in the window is on one page exactly.
	const api = JSON.parse(large.read('/api/specs.json')) as ApiDocument;
	const inWindow = api.specs.filter((spec) => spec.phases.some((phase) => overlapsWindow(phase, windowAt(FIXTURE_TODAY, 0))));
	expect([...first, ...second].sort()).toEqual(inWindow.map((spec) => spec.url).sort());
	const pager = element(large.read('/timeline/'), /<nav class="tl-windows tl-pages"/) ?? '';
	expect(hrefs(pager)).toEqual(['/timeline/2/']);
	expect(textOf(element(large.read('/timeline/2/'), /<h1/) ?? '')).toBe('Roadmap, Q4 2026 – Q2 2027 (page 2 of 2)');
	// The status filter pages split the same way; the small site's roadmap is one page.
	expect(specsOn('/timeline/in-review/')).toHaveLength(ROADMAP_PAGE_SIZE);
	expect(small.files()).not.toContain('timeline/2/index.html');
});

test('a status index holds a page’s worth of specs, each once across its pages, in each order', () => {
	const cardsOn = (path: string) => elements(large.read(path), /<div class="spec-card-title[" ]/).map((title) => hrefs(title)[0]);
	const api = JSON.parse(large.read('/api/specs.json')) as ApiDocument;
	const inReview = api.specs.filter((spec) => spec.status === 'In Review');
	expect(inReview.length).toBeGreaterThan(INDEX_PAGE_SIZE);
	const [first, second] = [cardsOn('/status/in-review/'), cardsOn('/status/in-review/2/')];
	expect(first).toHaveLength(INDEX_PAGE_SIZE);
	expect([...first, ...second].sort()).toEqual(inReview.map((spec) => spec.url).sort());
	// Sorted by feature across both pages, not within each.
	const byFeature = [...inReview].sort((a, b) => a.feature.localeCompare(b.feature, 'en', { sensitivity: 'base', numeric: true }));
	expect([...cardsOn('/status/in-review/feature/'), ...cardsOn('/status/in-review/feature/2/')]).toEqual(byFeature.map((spec) => spec.url));
	const pager = element(large.read('/status/in-review/feature/2/'), /<nav class="index-pager/) ?? '';
	expect(attribute(pager, 'aria-label')).toBe('Pages of the In Review specs');
	expect(textOf(pager)).toContain('Page 2 of 2');
	expect(hrefs(pager)).toEqual(['/status/in-review/feature/', '/status/in-review/feature/', '/status/in-review/feature/2/']);
	expect(element(pager, /<a [^>]*aria-current="page"/)).toContain('href="/status/in-review/feature/2/"');
	// The control opens each order's first page; a list of one page has no other pages.
	expect(large.read('/status/in-review/2/')).toContain('data-href="/status/in-review/feature/"');
	expect(small.files()).not.toContain('status/in-review/2/index.html');
	expect(small.files()).not.toContain('status/in-review/feature/index.html');
});

test('so is the table of all specs, whose column headings open each order’s pages', () => {
	const rowsOn = (path: string) => elements(element(large.read(path), /<tbody/) ?? '', /<th scope="row"/).map((cell) => hrefs(cell)[0]);
	const api = JSON.parse(large.read('/api/specs.json')) as ApiDocument;
	const [first, second] = [rowsOn('/specs/'), rowsOn('/specs/_pages/2/')];
	expect(first).toHaveLength(INDEX_PAGE_SIZE);
	expect([...first, ...second].sort()).toEqual(api.specs.map((spec) => spec.url).sort());
	// Sorted by feature across both pages: page 2 holds the end of the alphabet.
	const byFeature = api.specs.map((spec) => spec).sort((a, b) => a.feature.localeCompare(b.feature, 'en', { sensitivity: 'base', numeric: true }));
	expect(rowsOn('/specs/_pages/feature-ascending/2/')).toEqual(byFeature.slice(INDEX_PAGE_SIZE).map((spec) => spec.url));
	const page = large.read('/specs/_pages/feature-ascending/2/');
	// The sorted heading links the reverse order, the others their own.
	const heading = element(page, /<th scope="col"[^>]*data-sort-key="feature"/) ?? '';
	expect(attribute(heading, 'aria-sort')).toBe('ascending');
	expect(hrefs(heading)).toEqual(['/specs/_pages/feature-descending/']);
	expect(hrefs(element(page, /<th scope="col"[^>]*data-sort-key="updated"/) ?? '')).toEqual(['/specs/']);
	const pager = element(page, /<nav class="index-pager/) ?? '';
	expect(attribute(pager, 'aria-label')).toBe('Pages of the table of all specs');
	expect(textOf(pager)).toContain('Page 2 of 2');
	expect(hrefs(pager)).toEqual(['/specs/_pages/feature-ascending/', '/specs/_pages/feature-ascending/', '/specs/_pages/feature-ascending/2/']);
	// The small site's table is one page, sorted in place by its script.
	expect(small.files().filter((file) => file.startsWith('specs/_pages/'))).toEqual([]);
	expect(element(small.read('/specs/'), /<nav class="index-pager/)).toBeUndefined();
});
