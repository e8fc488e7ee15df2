/**
 * The rows of the all-specs table, with the sort key of every cell. The table is rendered sorted by
 * Last Updated (newest first); its script re-sorts by any column using these keys (a table of one
 * page in place, a longer one from the compact index, src/site/sort-index.ts), so the order never
 * depends on how a cell is displayed and the server and the script order alike.
 */
import { STATUSES } from '../core/statuses.ts';
import { sortedBy } from './index-pages.ts';
import type { IndexedSpec } from './sort-index.ts';
import { sortByLastUpdated } from './specs.ts';
import type { SortDirection } from './table-sort.ts';

/** The sortable columns, in display order. */
export const TABLE_COLUMNS = [
	{ key: 'feature', label: 'Feature', type: 'text' },
	{ key: 'status', label: 'Status', type: 'number' },
	{ key: 'authors', label: 'Authors', type: 'text' },
	{ key: 'updated', label: 'Last updated', type: 'text' },
	{ key: 'phases', label: 'Phases', type: 'number' },
] as const;

export type ColumnKey = (typeof TABLE_COLUMNS)[number]['key'];

/** The column the table is rendered sorted by, and its direction. */
export const DEFAULT_SORT = { column: 'updated', direction: 'descending' } as const satisfies {
	column: ColumnKey;
	direction: 'ascending' | 'descending';
};

export interface TableRow {
	spec: IndexedSpec;
	/** Sort key per column; text keys are compared case-insensitively, number keys numerically. */
	keys: Record<ColumnKey, string>;
}

/** One row per spec, in the default order. */
export function tableRows(specs: readonly IndexedSpec[]): TableRow[] {
	return sortByLastUpdated(specs).map((spec) => ({
		spec,
		keys: {
			feature: spec.feature.toLowerCase(),
			// Workflow order, not alphabetical: Draft, In Review, Approved.
			status: String(STATUSES.indexOf(spec.status)),
			authors: spec.authors.map((author) => author.name).join(', ').toLowerCase(),
			updated: spec.lastUpdated,
			phases: String(spec.phaseCount),
		},
	}));
}

/** An order of the table: a column and a direction, named `feature-ascending` in `?sort=` (src/site/urls.ts). */
export interface TableSort {
	column: ColumnKey;
	direction: SortDirection;
}

export const tableSortKey = (sort: TableSort) => `${sort.column}-${sort.direction}`;

/** The order a `?sort=` value names, or undefined when it names none. */
export function parseTableSort(key: string | null | undefined): TableSort | undefined {
	const match = /^(\w+)-(ascending|descending)$/u.exec(key ?? '');
	const column = TABLE_COLUMNS.find((each) => each.key === match?.[1]);
	return column && match ? { column: column.key, direction: match[2] as SortDirection } : undefined;
}

/** `rows` (in the default order, which breaks ties) in the order `sort`. */
export function sortedRows(rows: readonly TableRow[], sort: TableSort): TableRow[] {
	if (tableSortKey(sort) === tableSortKey(DEFAULT_SORT)) return [...rows];
	const type = TABLE_COLUMNS.find((column) => column.key === sort.column)?.type ?? 'text';
	return sortedBy(rows, (row) => row.keys[sort.column], type, sort.direction);
}

/** How the table reads in an order, after "N specs, ": `most recently updated first`, `sorted by Feature, ascending`. */
export function tableSortSummary(sort: TableSort): string {
	if (tableSortKey(sort) === tableSortKey(DEFAULT_SORT)) return 'most recently updated first';
	return `sorted by ${TABLE_COLUMNS.find((column) => column.key === sort.column)?.label}, ${sort.direction}`;
}
