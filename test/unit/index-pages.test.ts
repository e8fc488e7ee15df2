/**
 * The long indexes a page at a time, sorted across their pages by a script from the compact index
 * (src/site/sort-index.ts): what the script decodes is what the server rendered from, and the
 * script's orders and pages are the server's.
 */
import { describe, expect, test } from 'vitest';
import { generateSpecs } from '../../bench/generate.ts';
import { analyzeSpecs } from '../../src/core/index.ts';
import type { Spec } from '../../src/core/model.ts';
import { STATUSES } from '../../src/core/statuses.ts';
import { INDEX_PAGE_SIZE, pagerNumbers, pageRows, pageSpan, sortedBy } from '../../src/site/index-pages.ts';
import { listInOrder, statusList } from '../../src/site/list-sort.ts';
import { decodeSortIndex, encodeSortIndex, indexedSpec, type SortIndex } from '../../src/site/sort-index.ts';
import { specsWithStatus } from '../../src/site/specs.ts';
import { statusListPages } from '../../src/site/status-pages.ts';
import { tablePages } from '../../src/site/table-pages.ts';
import { DEFAULT_SORT, parseTableSort, sortedRows, tableRows, tableSortKey } from '../../src/site/table.ts';
import { specsPageUrl, statusPageUrl } from '../../src/site/urls.ts';
import { specRecord } from '../helpers/spec-record.ts';

const TODAY = '2026-11-26';
const OPTIONS = { today: TODAY, staleAfterDays: 90 };

/** Generated specs (bench/generate.ts), with git dates and more tags on some, as the pages receive them. */
function registry(count: number): Spec[] {
	const files = generateSpecs(count, { seed: 7, today: TODAY }).map((spec) => ({ path: `specs/${spec.path}`, source: spec.source }));
	return analyzeSpecs(files, { specsDir: 'specs', today: TODAY }).specs.map((spec, at) =>
		at % 3 === 0 ? { ...spec, statusSince: `2026-0${1 + (at % 9)}-1${at % 10}`, tags: [...spec.tags, 'api', ...(at % 2 ? ['payments'] : [])] } : spec,
	);
}

/** What a paged index's script gets: the index as the browser parses it. */
const fetched = (specs: readonly Spec[]) => decodeSortIndex(JSON.parse(JSON.stringify(encodeSortIndex(specs.map((spec) => indexedSpec(spec, OPTIONS)), OPTIONS))) as SortIndex);

const specs = registry(130);
const ids = (items: readonly { spec: { id: string } }[]) => items.map((item) => item.spec.id);

describe('the compact index', () => {
	test('decodes to every spec as the server renders its row or card, newest first', () => {
		const edges = [
			specRecord('a', { statusSince: '2026-01-02', tags: ['x', 'y'], lastUpdated: '2026-01-01', status: 'In Review', authors: [{ name: 'Ana Lima', slug: 'ana-lima' }, { name: 'Bo Chen', slug: 'bo-chen' }] }),
			specRecord('b', { status: 'Approved', authors: [{ name: 'ana lima', slug: 'ana-lima' }] }),
		];
		const all = [...specs, ...edges];
		const served = tableRows(all.map((spec) => indexedSpec(spec, OPTIONS))).map((row) => row.spec);
		expect(fetched(all)).toEqual(served);
		// The stale Draft's badge and the spelling each spec gave its author survive.
		expect(fetched(all).find((spec) => spec.id === 'a')).toMatchObject({ staleDays: 329, statusSince: '2026-01-02', tags: ['x', 'y'] });
		expect(fetched(all).find((spec) => spec.id === 'b')?.authors).toEqual([{ name: 'ana lima', slug: 'ana-lima' }]);
	});

	test('names each author and tag once', () => {
		const index = encodeSortIndex(specs.map((spec) => indexedSpec(spec, OPTIONS)), OPTIONS);
		expect(new Set(index.slugs.map((slug, at) => `${slug} ${index.names[at]}`)).size).toBe(index.names.length);
		expect(new Set(index.tagNames).size).toBe(index.tagNames.length);
		expect(index.tagNames).toEqual(expect.arrayContaining(['api', 'payments']));
		expect(index.id).toHaveLength(specs.length);
	});
});

describe('the script’s pages are the server’s', () => {
	test('the table in its default order, page by page', () => {
		const built = tablePages(specs, OPTIONS);
		expect(built).toHaveLength(3);
		const rows = tableRows(fetched(specs));
		for (const page of built) expect(ids(pageRows(sortedRows(rows, DEFAULT_SORT), page.page))).toEqual(ids(page.rows));
	});

	test('a status index in its default order, page by page; another order spans every page', () => {
		for (const status of STATUSES) {
			const built = statusListPages(specs, status, OPTIONS);
			const list = statusList(fetched(specs), status);
			expect(list.initial).toBe(built[0]?.initial);
			for (const page of built) expect(ids(pageRows(listInOrder(list, list.initial), page.page))).toEqual(ids(page.items));
			const byFeature = built.flatMap((page) => pageRows(listInOrder(list, 'feature'), page.page));
			expect(byFeature.map((item) => item.spec.feature)).toEqual(specsWithStatus(specs, status).map((spec) => spec.feature).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
		}
	});

	test('sorting by Feature puts the start of the alphabet on page 1 and the end on the last page', () => {
		const rows = sortedRows(tableRows(fetched(specs)), { column: 'feature', direction: 'ascending' });
		const features = specs.map((spec) => spec.feature.toLowerCase()).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }));
		expect(pageRows(rows, 1).map((row) => row.keys.feature)).toEqual(features.slice(0, INDEX_PAGE_SIZE));
		expect(pageRows(rows, 3).map((row) => row.keys.feature)).toEqual(features.slice(2 * INDEX_PAGE_SIZE));
		const reversed = sortedRows(tableRows(fetched(specs)), { column: 'feature', direction: 'descending' });
		expect(pageRows(reversed, 1)[0]?.keys.feature).toBe(features.at(-1));
	});
});

test('an order and a page live in the URL: the page in the path, another order in ?sort=', () => {
	expect(specsPageUrl({}, '/')).toBe('/specs/');
	expect(specsPageUrl({ page: 2, sort: 'feature-ascending' }, '/')).toBe('/specs/_pages/2/?sort=feature-ascending');
	expect(statusPageUrl('In Review', { page: 1, sort: 'feature' }, '/')).toBe('/status/in-review/?sort=feature');
	expect(statusPageUrl('In Review', { page: 3 }, '/')).toBe('/status/in-review/3/');
	expect(parseTableSort('feature-ascending')).toEqual({ column: 'feature', direction: 'ascending' });
	expect(tableSortKey(parseTableSort(tableSortKey(DEFAULT_SORT))!)).toBe('updated-descending');
	for (const bad of ['feature', 'nope-ascending', 'feature-up', null]) expect(parseTableSort(bad)).toBeUndefined();
});

test('a page says which specs it holds', () => {
	expect(pageSpan(2, 130)).toEqual({ first: 51, last: 100 });
	expect(pageSpan(3, 130)).toEqual({ first: 101, last: 130 });
});

test('the pager links the first, the last and two pages either side of the current one', () => {
	expect(pagerNumbers(1, 2)).toEqual([1, 2]);
	expect(pagerNumbers(6, 100)).toEqual([1, 4, 5, 6, 7, 8, 100]);
	expect(pagerNumbers(100, 100)).toEqual([1, 98, 99, 100]);
});

test('sorting keeps the given order among equal keys', () => {
	const items = [{ id: 'b', key: 'x' }, { id: 'a', key: 'y' }, { id: 'c', key: 'x' }];
	expect(sortedBy(items, (item) => item.key, 'text', 'descending').map((item) => item.id)).toEqual(['a', 'b', 'c']);
});
