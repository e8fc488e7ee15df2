/**
 * Sorting of the all-specs table, kept free of the DOM so it can be tested; the table's script
 * applies it. A stable sort: rows with equal keys keep their server order (newest first).
 */
import { columnOrder } from './collation.ts';

export type SortDirection = 'ascending' | 'descending';
export type SortType = 'text' | 'number';

/** Compare two cell keys of one column. */
export function compareKeys(a: string, b: string, type: SortType): number {
	if (type === 'number') return Number(a) - Number(b);
	return columnOrder.compare(a, b);
}

/**
 * The new order of rows (indexes into `keys`), sorted by one column. `keys[i]` is row i's key in
 * that column; rows are given in their server order, which breaks ties.
 */
export function sortOrder(keys: readonly string[], type: SortType, direction: SortDirection): number[] {
	const sign = direction === 'ascending' ? 1 : -1;
	return keys
		.map((key, index) => ({ key, index }))
		.sort((a, b) => sign * compareKeys(a.key, b.key, type) || a.index - b.index)
		.map(({ index }) => index);
}

/** The direction after a click: the other one on the sorted column, else the column's default. */
export function nextDirection(
	current: { column: string; direction: SortDirection },
	clicked: string,
	defaultDirection: SortDirection,
): SortDirection {
	if (current.column !== clicked) return defaultDirection;
	return current.direction === 'ascending' ? 'descending' : 'ascending';
}
