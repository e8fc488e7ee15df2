/**
 * Pages of the long indexes (each status's list, the table of all specs): the roadmap's page size
 * of specs each, so no page grows with the registry.
 *
 * Only the default order's pages are built. Another order is the same page number with `?sort=`
 * (src/site/urls.ts): the page's script reads the compact index of every spec (src/site/sort-index.ts)
 * and shows that page of the chosen order from templates the page carries. Building every order's
 * pages instead cost pages × orders (about 1,300 more pages at 5,000 specs) for a choice few make.
 */
import { pageCount, pageRows, ROADMAP_PAGE_SIZE } from './roadmap-window.ts';
import { sortOrder, type SortDirection, type SortType } from './table-sort.ts';

/** Specs per index page: the roadmap's. */
export const INDEX_PAGE_SIZE = ROADMAP_PAGE_SIZE;

/** One page of a list of `count`: its items' positions from 1, e.g. `Specs 51–100`. */
export function pageSpan(page: number, count: number): { first: number; last: number } {
	return { first: (page - 1) * INDEX_PAGE_SIZE + 1, last: Math.min(count, page * INDEX_PAGE_SIZE) };
}

export { pageCount, pageRows };

/** One page of a list: its items, how many the list has, and its number from 1 of how many. */
export interface ListPage<T> {
	items: T[];
	count: number;
	page: number;
	pages: number;
}

/** `items` a page at a time, in their order; one page, empty, when there are none. */
export function pagesOf<T>(items: readonly T[]): ListPage<T>[] {
	const pages = pageCount(items.length);
	return Array.from({ length: pages }, (_, at) => ({ items: pageRows(items, at + 1), count: items.length, page: at + 1, pages }));
}

/** `items` (given in the default order, which breaks ties) sorted by the key `keyOf` gives. */
export function sortedBy<T>(items: readonly T[], keyOf: (item: T) => string, type: SortType, direction: SortDirection): T[] {
	return sortOrder(items.map(keyOf), type, direction).map((index) => items[index] as T);
}

/**
 * The page numbers a pager links: the first, the last, and two either side of `page`, ascending,
 * so the pager stays short however many pages there are. Gaps between them are where numbers elide.
 */
export function pagerNumbers(page: number, pages: number): number[] {
	const numbers = new Set([1, pages]);
	for (let at = page - 2; at <= page + 2; at++) if (at >= 1 && at <= pages) numbers.add(at);
	return [...numbers].sort((a, b) => a - b);
}
