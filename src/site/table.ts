/**
 * The rows of the all-specs table, with the sort key of every cell. The table is rendered sorted by
 * Last Updated (newest first); a small script re-sorts by any column using these keys, so the
 * order never depends on how a cell is displayed.
 */
import { STATUSES } from '../core/statuses.ts';
import type { Spec } from '../core/model.ts';
import { sortedBy } from './index-pages.ts';
import { compareByLastUpdated } from './specs.ts';
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
	spec: Spec;
	/** Sort key per column; text keys are compared case-insensitively, number keys numerically. */
	keys: Record<ColumnKey, string>;
	/** First and last date over the phases, when any phase has dates. */
	span: { start: string; end: string } | undefined;
}

/** The dated range a spec's phases cover. */
export function phaseSpan(spec: Spec): TableRow['span'] {
	const starts = spec.phases.flatMap((phase) => phase.start ?? []).sort();
	const ends = spec.phases.flatMap((phase) => phase.end ?? []).sort();
	const start = starts[0];
	const end = ends.at(-1);
	return start && end ? { start, end } : undefined;
}

/** One row per spec, in the default order. */
export function tableRows(specs: readonly Spec[]): TableRow[] {
	return [...specs].sort(compareByLastUpdated).map((spec) => ({
		spec,
		keys: {
			feature: spec.feature.toLowerCase(),
			// Workflow order, not alphabetical: Draft, In Review, Approved.
			status: String(STATUSES.indexOf(spec.status)),
			authors: spec.authors.map((author) => author.name).join(', ').toLowerCase(),
			updated: spec.lastUpdated,
			phases: String(spec.phases.length),
		},
		span: phaseSpan(spec),
	}));
}

/** An order of the table: a column and a direction, named `feature-ascending` in page addresses. */
export interface TableSort {
	column: ColumnKey;
	direction: SortDirection;
}

export const tableSortKey = (sort: TableSort) => `${sort.column}-${sort.direction}`;

/** Every order of the table, the default first: each column both ways. */
export const TABLE_SORTS: readonly TableSort[] = [
	DEFAULT_SORT,
	...TABLE_COLUMNS.flatMap((column) =>
		(['ascending', 'descending'] as const).map((direction) => ({ column: column.key, direction })),
	).filter((sort) => tableSortKey(sort) !== tableSortKey(DEFAULT_SORT)),
];

/** `rows` (in the default order, which breaks ties) in the order `sort`. */
export function sortedRows(rows: readonly TableRow[], sort: TableSort): TableRow[] {
	if (tableSortKey(sort) === tableSortKey(DEFAULT_SORT)) return [...rows];
	const type = TABLE_COLUMNS.find((column) => column.key === sort.column)?.type ?? 'text';
	return sortedBy(rows, (row) => row.keys[sort.column], type, sort.direction);
}
