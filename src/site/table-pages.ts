/**
 * The pages of the table of all specs in its default order (src/site/index-pages.ts), its rows laid
 * out once for all of them rather than on each page from the whole registry.
 */
import type { Spec } from '../core/model.ts';
import { pageCount, pageRows } from './index-pages.ts';
import { indexedSpec } from './sort-index.ts';
import type { StaleOptions } from './stale.ts';
import { tableRows, type TableRow } from './table.ts';

/** One page of the table. */
export interface TablePage {
	rows: TableRow[];
	count: number;
	page: number;
	pages: number;
}

/** Every page of the table of `specs`, the first at `/specs/` (one, empty, when there are none). */
export function tablePages(specs: readonly Spec[], options: StaleOptions): TablePage[] {
	const rows = tableRows(specs.map((spec) => indexedSpec(spec, options)));
	const pages = pageCount(rows.length);
	return Array.from({ length: pages }, (_, at) => ({ rows: pageRows(rows, at + 1), count: rows.length, page: at + 1, pages }));
}
