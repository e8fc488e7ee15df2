/**
 * The orders a reader can pick on a status index (a list of spec cards): time in the current
 * status, Last Updated, Feature. The server renders one of them; each card carries its key for
 * every order, and the list's script re-sorts with sortOrder() (./table-sort.ts). Free of the DOM.
 */
import type { Spec, Status } from '../core/model.ts';
import { byTimeInStatus } from './history.ts';
import { sortedBy } from './index-pages.ts';
import { specsWithStatus } from './specs.ts';
import type { SortDirection, SortType } from './table-sort.ts';

export type ListSortKey = 'time' | 'updated' | 'feature';

/** One order of the list. */
export interface ListSort {
	key: ListSortKey;
	/** The option's label. */
	label: string;
	/** How its keys compare. */
	type: SortType;
	direction: SortDirection;
	/** How the list reads in this order, after "N specs, ", e.g. `longest In Review first`. */
	summary: string;
}

/** A status index: its orders, the one the server renders, and the specs in that order with their keys. */
export interface SortedList<T> {
	/** The orders offered: time in status only when git dated some spec's status. */
	sorts: ListSort[];
	/** The server's order: the review queue (longest in the status first) with history, else newest first. */
	initial: ListSortKey;
	/** The specs in the initial order, each with its key for every order offered. */
	items: { spec: T; keys: Partial<Record<ListSortKey, string>> }[];
}

/**
 * The status index of `specs` (all with `status`, given newest first). Specs with no dated status
 * (no git, never committed) sort after the dated ones when ordered by time, oldest update first.
 */
export function statusIndexList<T extends Pick<Spec, 'id' | 'feature' | 'statusSince' | 'lastUpdated'>>(specs: readonly T[], status: Status): SortedList<T> {
	const timed = specs.some((spec) => spec.statusSince);
	const sorts: ListSort[] = [
		...(timed ? [{ key: 'time', label: 'Time in status', type: 'number', direction: 'ascending', summary: `longest ${status} first` } as const] : []),
		{ key: 'updated', label: 'Last Updated', type: 'text', direction: 'descending', summary: 'most recently updated first' },
		{ key: 'feature', label: 'Feature', type: 'text', direction: 'ascending', summary: 'by feature, A to Z' },
	];
	const queue = timed ? byTimeInStatus(specs) : [...specs];
	const rank = new Map(queue.map((spec, index) => [spec, index]));
	return {
		sorts,
		initial: timed ? 'time' : 'updated',
		items: queue.map((spec) => ({
			spec,
			keys: { ...(timed ? { time: String(rank.get(spec)) } : {}), updated: spec.lastUpdated, feature: spec.feature },
		})),
	};
}

/** A card's keys as the data attributes its list's script reads (`data-sort-time`, …). */
export function sortDataAttributes(keys: Partial<Record<ListSortKey, string>> | undefined): Record<string, string> {
	return Object.fromEntries(Object.entries(keys ?? {}).map(([key, value]) => [`data-sort-${key}`, value]));
}

/**
 * The status index of `status` among `specs` (any order, any status): the page builder and a paged
 * list's script (from the compact index, src/site/sort-index.ts) both call this, so they agree.
 */
export function statusList<T extends Pick<Spec, 'id' | 'feature' | 'status' | 'statusSince' | 'lastUpdated'>>(specs: readonly T[], status: Status): SortedList<T> {
	return statusIndexList(specsWithStatus(specs, status), status);
}

/** A list's items in the order `key` (its initial order when `key` is, or names no order offered). */
export function listInOrder<T>(list: SortedList<T>, key: string): SortedList<T>['items'] {
	const sort = list.sorts.find((each) => each.key === key);
	if (!sort || sort.key === list.initial) return list.items;
	return sortedBy(list.items, (item) => item.keys[sort.key] ?? '', sort.type, sort.direction);
}
