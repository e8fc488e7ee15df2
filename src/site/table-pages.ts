/**
 * The pages of the table of all specs in its default order (src/site/index-pages.ts), its rows laid
 * out once for all of them rather than on each page from the whole registry.
 */
import type { Spec } from '../core/model.ts';
import { pagesOf } from './index-pages.ts';
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
	return pagesOf(tableRows(specs.map((spec) => indexedSpec(spec, options)))).map(({ items, ...page }) => ({ rows: items, ...page }));
}
