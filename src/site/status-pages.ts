/**
 * The pages of a status's index in its default order (src/site/index-pages.ts), its list laid out
 * once for all of them.
 */
import type { Spec, Status } from '../core/model.ts';
import { pagesOf } from './index-pages.ts';
import { statusList, type ListSort, type ListSortKey, type SortedList } from './list-sort.ts';
import { indexedSpec, type IndexedSpec } from './sort-index.ts';
import type { StaleOptions } from './stale.ts';

/** One page of a status's index. */
export interface StatusListPage {
	status: Status;
	/** The orders offered and the one built. */
	sorts: ListSort[];
	initial: ListSortKey;
	/** This page's specs with their keys, how many the status has, and this page of how many. */
	items: SortedList<IndexedSpec>['items'];
	count: number;
	page: number;
	pages: number;
}

/** Every page of `status`'s index among `specs` (one, empty, when it has none). */
export function statusListPages(specs: readonly Spec[], status: Status, options: StaleOptions): StatusListPage[] {
	const list = statusList(
		specs.filter((spec) => spec.status === status).map((spec) => indexedSpec(spec, options)),
		status,
	);
	return pagesOf(list.items).map((page) => ({ status, sorts: list.sorts, initial: list.initial, ...page }));
}
