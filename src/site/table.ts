/**
 * The rows of the all-specs table, with the sort key of every cell. The table is rendered sorted by
 * Last Updated (newest first); a small script re-sorts by any column using these keys, so the
 * order never depends on how a cell is displayed.
 */
import { STATUSES } from '../core/statuses.ts';
import type { Spec } from '../core/model.ts';
import { compareByLastUpdated } from './specs.ts';

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
