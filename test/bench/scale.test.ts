/**
 * A spec page must not grow with the number of specs (Starlight's default sidebar lists every page
 * on every page: 1,000 pages measured 231 MB). The same spec is built beside 4 and beside 60
 * others; its page may differ only in the sidebar's counts and the source path. Nor may a roadmap
 * page: a window with more specs than a page holds is split into pages, and so is a status index.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { FIXTURE_TODAY, type BuiltSite } from '../helpers/build-fixture.ts';
import { builtFixture } from '../helpers/fixtures.ts';
import { EXTRA_SPECS } from '../helpers/generated-specs.ts';
import { attribute, element, elements, hrefs, textOf } from '../helpers/html.ts';
import type { ApiDocument } from '../../src/site/api.ts';
import { INDEX_PAGE_SIZE } from '../../src/site/index-pages.ts';
import type { SortIndex } from '../../src/site/sort-index.ts';
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

test('a status index holds a page’s worth of specs, each once across its pages, and only its built order has pages', () => {
	const list = (path: string) => element(large.read(path), /<ul [^>]*id="specs-in-review"/) ?? '';
	const cardsOn = (path: string) => elements(list(path), /<div class="spec-card-title[" ]/).map((title) => hrefs(title)[0]);
	const api = JSON.parse(large.read('/api/specs.json')) as ApiDocument;
	const inReview = api.specs.filter((spec) => spec.status === 'In Review');
	expect(inReview.length).toBeGreaterThan(INDEX_PAGE_SIZE);
	const [first, second] = [cardsOn('/status/in-review/'), cardsOn('/status/in-review/2/')];
	expect(first).toHaveLength(INDEX_PAGE_SIZE);
	expect([...first, ...second].sort()).toEqual(inReview.map((spec) => spec.url).sort());
	const pager = element(large.read('/status/in-review/2/'), /<nav class="index-pager/) ?? '';
	expect(attribute(pager, 'aria-label')).toBe('Pages of the In Review specs');
	expect(textOf(pager)).toContain('Page 2 of 2');
	expect(hrefs(pager)).toEqual(['/status/in-review/', '/status/in-review/', '/status/in-review/2/']);
	expect(element(pager, /<a [^>]*aria-current="page"/)).toContain('href="/status/in-review/2/"');
	// Other orders are these pages with ?sort=, drawn from the compact index: no page of their own.
	expect(large.files().filter((file) => file.startsWith('status/in-review/')).sort()).toEqual(['status/in-review/2/index.html', 'status/in-review/index.html']);
	// A paged list carries the card its script fills; a list of one page sorts in place and needs none.
	expect(large.read('/status/in-review/2/')).toMatch(/<template data-card-skeleton="specs-in-review"[^>]*>\s*<li class="spec-card/u);
	expect(small.read('/status/in-review/')).not.toContain('data-card-skeleton');
	expect(small.files()).not.toContain('status/in-review/2/index.html');
});

test('so is the table of all specs; the compact index its scripts sort from lists every spec once, in little space', () => {
	const rowsOn = (path: string) => elements(element(large.read(path), /<tbody/) ?? '', /<th scope="row"/).map((cell) => hrefs(cell)[0]);
	const api = JSON.parse(large.read('/api/specs.json')) as ApiDocument;
	const [first, second] = [rowsOn('/specs/'), rowsOn('/specs/_pages/2/')];
	expect(first).toHaveLength(INDEX_PAGE_SIZE);
	expect([...first, ...second].sort()).toEqual(api.specs.map((spec) => spec.url).sort());
	expect(large.files().filter((file) => file.startsWith('specs/_')).sort()).toEqual(['specs/_index.json', 'specs/_pages/2/index.html']);
	const pager = element(large.read('/specs/_pages/2/'), /<nav class="index-pager/) ?? '';
	expect(attribute(pager, 'aria-label')).toBe('Pages of the table of all specs');
	expect(hrefs(pager)).toEqual(['/specs/', '/specs/', '/specs/_pages/2/']);
	expect(large.read('/specs/')).toMatch(/<template data-row-skeleton[^>]*>\s*<tr/u);
	// The small site's table is one page, sorted in place by its script.
	expect(element(small.read('/specs/'), /<nav class="index-pager/)).toBeUndefined();
	expect(small.read('/specs/')).not.toContain('data-row-skeleton');

	const index = JSON.parse(large.read('/specs/_index.json')) as SortIndex;
	expect([...index.id].sort()).toEqual(api.specs.map((spec) => spec.id).sort());
	// Measured with bench/generate.ts: 145 bytes a spec (27 gzipped), 0.72 MB (109 KB gzipped) at 5,000.
	expect(gzipSync(large.read('/specs/_index.json')).length / index.id.length).toBeLessThan(60);
});

test('no index page outgrows its budget: 150 KB gzipped and 1,500 rows at 5,000 specs', () => {
	const gzipped = (site: BuiltSite, path: string) => gzipSync(site.read(path)).length;
	// A page of the table or of a status holds INDEX_PAGE_SIZE specs whatever the count.
	for (const path of ['/specs/', '/specs/_pages/2/', '/status/in-review/', '/status/approved/']) expect(gzipped(large, path), path).toBeLessThan(40_000);
	// An author page lists all their specs: at 5,000 generated specs the busiest author has about 300
	// (bench/generate.ts spreads them over 40). What each card adds, counted on the author of all the
	// generated specs here, must allow that on one page.
	const api = JSON.parse(large.read('/api/specs.json')) as ApiDocument;
	const counts = new Map<string, number>();
	for (const spec of api.specs) for (const name of spec.authors) counts.set(name, (counts.get(name) ?? 0) + 1);
	const [busiest, cards] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
	const author = hrefs(large.read('/authors/')).find((href) => href.endsWith(`/${busiest.toLowerCase().replaceAll(' ', '-')}/`))!;
	const before = elements(small.read(author), /<li class="spec-card/).length;
	expect(elements(large.read(author), /<li class="spec-card/)).toHaveLength(cards);
	const perCard = (gzipped(large, author) - gzipped(small, author)) / (cards - before);
	expect(gzipped(small, author) + perCard * 300).toBeLessThan(150_000);
});
