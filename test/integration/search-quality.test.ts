/**
 * Search over the sample specs in specs/, built once and queried through the site's own Pagefind
 * bundle in Node (test/helpers/pagefind.ts):
 * - the index: only spec pages, their filters (`status`, `author`, `tag`) with the right counts,
 *   metadata (`feature`, `status`, `updated`) and the `updated` sort, as other tools rely on;
 * - quality: each query of test/fixtures/search-quality.json must put one of its expected specs
 *   first; hit@1 must stay at or above 90%.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/build-fixture.ts';
import { builtFixture } from '../helpers/fixtures.ts';
import { loadPagefind, resultData, specIdOfUrl, type PagefindApi } from '../helpers/pagefind.ts';

interface QualityQuery {
	/** What the query exercises: feature, unique-word, author, tag or paraphrase. */
	kind: string;
	query: string;
	/** Spec ids any of which is a right top result. */
	expected: string[];
}

interface ApiSpec {
	id: string;
	url: string;
	feature: string;
	authors: string[];
	lastUpdated: string;
	status: string;
	tags: string[];
}

const QUALITY: { queries: QualityQuery[] } = JSON.parse(readFileSync(`${ROOT}test/fixtures/search-quality.json`, 'utf8'));

const site = builtFixture('sample');
const specs = (JSON.parse(site.read('/api/specs.json')) as { specs: ApiSpec[] }).specs;
let pagefind: PagefindApi;

beforeAll(async () => {
	pagefind = await loadPagefind(site.outDir);
});

/** How many specs carry each value of a list-valued field. */
function tally(values: string[][]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const list of values) for (const value of new Set(list)) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

describe('the index', () => {
	test('holds every spec page and nothing else (no index, author, roadmap, guide, home or 404 page)', async () => {
		const all = await resultData(await pagefind.search(null));
		expect(all.map((result) => result.url).sort()).toEqual(specs.map((spec) => spec.url).sort());
		// And no page other than a spec matches words those pages are full of.
		for (const word of ['roadmap', 'authors', 'guide', 'diagnostics']) {
			for (const result of await resultData(await pagefind.search(word))) expect(result.url, word).toMatch(/^\/specs\/.+\/$/);
		}
	});

	test('filters are status, author and tag, each value counting its specs', async () => {
		expect(await pagefind.filters()).toEqual({
			status: tally(specs.map((spec) => [spec.status])),
			author: tally(specs.map((spec) => spec.authors)),
			tag: tally(specs.map((spec) => spec.tags)),
		});
	});

	test('filters narrow a search, and browsing by filters needs no query', async () => {
		const approved = specs.filter((spec) => spec.status === 'Approved');
		const browse = await resultData(await pagefind.search(null, { filters: { status: 'Approved' } }));
		expect(browse.map((result) => result.url).sort()).toEqual(approved.map((spec) => spec.url).sort());

		const byBo = specs.filter((spec) => spec.authors.includes('Bo Chen') && spec.tags.includes('payments'));
		const narrowed = await resultData(await pagefind.search(null, { filters: { author: 'Bo Chen', tag: 'payments' } }));
		expect(narrowed.map((result) => result.url).sort()).toEqual(byBo.map((spec) => spec.url).sort());
	});

	test('each result carries feature, status and updated, and sorts by updated', async () => {
		const newestFirst = await resultData(await pagefind.search(null, { sort: { updated: 'desc' } }));
		const expected = [...specs].sort((a, b) => b.lastUpdated.localeCompare(a.lastUpdated));
		expect(newestFirst.map((result) => result.url)).toEqual(expected.map((spec) => spec.url));
		for (const [index, result] of newestFirst.entries()) {
			const spec = expected[index] as ApiSpec;
			expect(result.meta).toMatchObject({ feature: spec.feature, status: spec.status, updated: spec.lastUpdated });
			expect(result.filters).toEqual({ status: [spec.status], author: spec.authors, ...(spec.tags.length ? { tag: spec.tags } : {}) });
		}
	});

	test('a word found in one spec only finds that spec', async () => {
		const uniqueWords = QUALITY.queries.filter((query) => query.kind === 'unique-word');
		expect(uniqueWords.length).toBeGreaterThanOrEqual(5);
		for (const { query, expected } of uniqueWords) {
			const results = await resultData(await pagefind.search(query));
			expect(results.map((result) => specIdOfUrl(result.url)), query).toEqual(expected);
		}
	});

	test('the spec header and phase timeline are not searched as text', async () => {
		// Every spec page has them; indexed, their labels run into the values (`StatusDraft`) and
		// the timeline's note would match every spec.
		for (const result of await resultData(await pagefind.search(null))) {
			expect(result.content, result.url).not.toMatch(/Status(Draft|In Review|Approved)|Last updated\d|vertical line marks today/);
		}
	});
});

describe('quality', () => {
	test('hit@1 over the quality set is at least 90%', async () => {
		const misses: string[] = [];
		for (const { query, expected } of QUALITY.queries) {
			const [top] = await resultData(await pagefind.search(query), 1);
			const id = top ? specIdOfUrl(top.url) : '(no result)';
			if (!expected.includes(id)) misses.push(`${query} → ${id} (expected ${expected.join(' or ')})`);
		}
		const hitAt1 = 1 - misses.length / QUALITY.queries.length;
		console.info(`search quality: hit@1 = ${(hitAt1 * 100).toFixed(1)}% over ${QUALITY.queries.length} queries; misses: ${misses.join('; ') || 'none'}`);
		expect(QUALITY.queries.length).toBeGreaterThanOrEqual(20);
		expect(hitAt1, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
	});

	test('the set covers feature names, unique words, authors, tags and paraphrases, over real specs', () => {
		const kinds = new Set(QUALITY.queries.map((query) => query.kind));
		expect([...kinds].sort()).toEqual(['author', 'feature', 'paraphrase', 'tag', 'unique-word']);
		const ids = new Set(specs.map((spec) => spec.id));
		for (const { query, expected } of QUALITY.queries) for (const id of expected) expect(ids.has(id), `${query}: ${id}`).toBe(true);
	});
});
