/**
 * The search page's state: its URL contract, the Pagefind filters it asks for, the order of facet
 * values and the sentence above the results.
 */
import { describe, expect, test } from 'vitest';
import {
	emptyFilters,
	facetOrder,
	pagefindFilters,
	parseSearchParams,
	resultSummary,
	sameState,
	shownFacetValues,
	toSearchParams,
	type SearchState,
} from '../../src/site/search.ts';
import { searchUrl } from '../../src/site/urls.ts';

const state = (q: string, filters: Partial<SearchState['filters']> = {}): SearchState => ({ q, filters: { ...emptyFilters(), ...filters } });
const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('URL', () => {
	test('reads the query and repeated facets, in the order given', () => {
		expect(parse('q=retry+policy&status=Draft&author=Ana+Lima&author=Bo%20Chen&tag=payments')).toEqual(
			state('retry policy', { status: ['Draft'], author: ['Ana Lima', 'Bo Chen'], tag: ['payments'] }),
		);
	});

	test('accepts a status by its slug or in any case, as /status/in-review/ does', () => {
		expect(parse('status=in-review&status=APPROVED&status=draft').filters.status).toEqual(['In Review', 'Approved', 'Draft']);
	});

	test('drops empty and repeated values, trims the query, ignores other parameters', () => {
		expect(parse('q=%20%20&tag=&tag=a&tag=a&page=2&utm_source=x')).toEqual(state('', { tag: ['a'] }));
	});

	test('writes q first, then each facet, and round-trips', () => {
		const written = toSearchParams(state('x y', { tag: ['b', 'a'], status: ['In Review'] })).toString();
		expect(written).toBe('q=x+y&status=In+Review&tag=b&tag=a');
		expect(parse(written)).toEqual(state('x y', { tag: ['b', 'a'], status: ['In Review'] }));
		expect(toSearchParams(state('')).toString()).toBe('');
	});

	test('the links other pages make to search are read back (a tag from a spec header)', () => {
		expect(parse(searchUrl({ tag: 'machine-learning' }, '/').split('?')[1] ?? '')).toEqual(state('', { tag: ['machine-learning'] }));
		expect(searchUrl({}, '/docs/')).toBe('/docs/search/');
	});

	test('two states are the same when their URLs are', () => {
		expect(sameState(state('a', { tag: ['x'] }), parse('tag=x&q=a'))).toBe(true);
		expect(sameState(state('a'), state('b'))).toBe(false);
	});
});

describe('Pagefind filters', () => {
	test('any value of a facet, every facet; empty facets are left out', () => {
		expect(pagefindFilters({ status: ['Draft', 'In Review'], author: [], tag: ['x'] })).toEqual({
			status: { any: ['Draft', 'In Review'] },
			tag: { any: ['x'] },
		});
	});

	test('specs only: any status when none is selected, so the pages of a host site stay out', () => {
		expect(pagefindFilters(emptyFilters())).toEqual({ status: { any: ['Draft', 'In Review', 'Approved'] } });
		expect(pagefindFilters({ status: [], author: [], tag: ['x'] })).toEqual({ status: { any: ['Draft', 'In Review', 'Approved'] }, tag: { any: ['x'] } });
	});

	test('a facet counted without its own selection', () => {
		expect(pagefindFilters({ status: ['Draft'], author: ['Ana Lima'], tag: [] }, 'status')).toEqual({ status: { any: ['Draft', 'In Review', 'Approved'] }, author: { any: ['Ana Lima'] } });
	});
});

describe('facet order', () => {
	test('statuses in workflow order, whatever their counts', () => {
		expect(facetOrder('status', { Approved: 9, Draft: 1, 'In Review': 4 })).toEqual(['Draft', 'In Review', 'Approved']);
	});

	test('authors and tags by how many specs carry them, then by name', () => {
		expect(facetOrder('tag', { web: 1, payments: 4, Data: 2, api: 2 })).toEqual(['payments', 'api', 'Data', 'web']);
	});

	test('selected values the index does not know come last, so they can be cleared', () => {
		expect(facetOrder('author', { 'Ana Lima': 1 }, ['Zed', 'Ana Lima'])).toEqual(['Ana Lima', 'Zed']);
	});

	test('names that differ only in case or accents tie, and go by count', () => {
		expect(facetOrder('author', { 'zoë': 1, 'Zoe': 2, 'ana': 1 })).toEqual(['Zoe', 'ana', 'zoë']);
	});
});

describe('facet values shown', () => {
	const order = Array.from({ length: 500 }, (_, index) => `author ${index}`);

	test('the first eight of a long facet, and nothing else until expanded', () => {
		expect(shownFacetValues(order, new Set(), false)).toEqual(order.slice(0, 8));
		expect(shownFacetValues(order, new Set(), true)).toHaveLength(500);
	});

	test('selected values beyond the first eight, in the facet’s order', () => {
		expect(shownFacetValues(order, new Set(['author 400', 'author 9', 'author 3']), false)).toEqual([...order.slice(0, 8), 'author 9', 'author 400']);
	});
});

describe('summary', () => {
	test('says what is shown', () => {
		expect(resultSummary(3, state('retry'))).toBe('3 specs match “retry”.');
		expect(resultSummary(1, state('retry', { tag: ['x'] }))).toBe('1 spec matches “retry” with the selected filters.');
		expect(resultSummary(0, state('zzz'))).toBe('No spec matches “zzz”.');
		expect(resultSummary(14, state(''))).toBe('14 specs, most recently updated first.');
		expect(resultSummary(2, state('', { status: ['Draft'] }))).toBe('2 specs with the selected filters, most recently updated first.');
		expect(resultSummary(0, state('', { status: ['Draft'] }))).toBe('No spec has the selected filters.');
	});
});
