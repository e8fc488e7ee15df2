/**
 * Pages of the long indexes (each status's list, the table of all specs): the roadmap's page size
 * of specs each, so no page grows with the registry, in every order a reader can pick.
 *
 * Each order's pages are prerendered (`/status/draft/feature/2/`) rather than re-sorted in the
 * browser from a JSON index: a sorted page is then the very markup of the default one (no second
 * renderer of cards in a script) and works without JavaScript. The cost is pages × orders, each
 * page still bounded; an index that fits on one page gets no extra pages, its script sorts in place.
 */
import { pageCount, ROADMAP_PAGE_SIZE } from './roadmap-window.ts';
import { sortOrder, type SortDirection, type SortType } from './table-sort.ts';

/** Specs per index page: the roadmap's. */
export const INDEX_PAGE_SIZE = ROADMAP_PAGE_SIZE;

/** One page of an index: its order (undefined for the default one) and its number from 1. */
export interface IndexPage<K extends string> {
	sort: K | undefined;
	page: number;
	pages: number;
}

/**
 * The pages of an index of `count` specs whose orders are `sorts`, the default first: the default
 * order's pages always, the others' only when the index takes more than one page.
 */
export function indexPages<K extends string>(count: number, sorts: readonly K[]): IndexPage<K>[] {
	const pages = pageCount(count);
	const orders = pages > 1 ? [undefined, ...sorts.slice(1)] : [undefined];
	return orders.flatMap((sort) => Array.from({ length: pages }, (_, at) => ({ sort, page: at + 1, pages })));
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
