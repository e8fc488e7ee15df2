/**
 * Stale specs: Draft and In Review specs nobody has touched for a while (`staleAfterDays` in
 * specbook.config.ts, 90 by default). An Approved spec is settled, so it is never stale. Counted
 * from the build's today (the resolved context, src/context.ts), so a rebuild is all it takes to refresh the marks.
 */
import { compareIso, daysBetween } from '../core/dates.ts';
import type { Spec, Status } from '../core/model.ts';
import { idOrder, nameOrder } from './collation.ts';
import { pagesOf } from './index-pages.ts';

/** The statuses that can go stale: work still in progress. */
export const STALE_STATUSES: readonly Status[] = ['Draft', 'In Review'];

export interface StaleOptions {
	/** The build's today (ISO `YYYY-MM-DD`). */
	today: string;
	/** A spec is stale once its Last Updated is more than this many days before today. */
	staleAfterDays: number;
}

/** Whole days from `lastUpdated` to `today` (0 on the same day, negative for a future date). */
export function daysSince(lastUpdated: string, today: string): number {
	return daysBetween(lastUpdated, today);
}

/** Whether the spec is Draft or In Review and was last updated more than `staleAfterDays` ago. */
export function isStale(spec: Pick<Spec, 'status' | 'lastUpdated'>, { today, staleAfterDays }: StaleOptions): boolean {
	return STALE_STATUSES.includes(spec.status) && daysSince(spec.lastUpdated, today) > staleAfterDays;
}

/** The stale specs, longest untouched first (ties by feature, then id, so the order is stable). */
export function staleSpecs<T extends Spec>(specs: readonly T[], options: StaleOptions): T[] {
	return specs
		.filter((spec) => isStale(spec, options))
		.sort(
			(a, b) =>
				compareIso(a.lastUpdated, b.lastUpdated) ||
				nameOrder.compare(a.feature, b.feature) ||
				idOrder.compare(a.id, b.id),
		);
}

/** One page of the stale specs: its specs, how many there are in all, and this page of how many. */
export interface StalePage<T> {
	specs: T[];
	count: number;
	page: number;
	pages: number;
}

/** The stale specs a page at a time (src/site/index-pages.ts), in staleSpecs()'s order across the pages; one page, empty, when none is stale. */
export function stalePages<T extends Spec>(specs: readonly T[], options: StaleOptions): StalePage<T>[] {
	return pagesOf(staleSpecs(specs, options)).map(({ items, ...page }) => ({ specs: items, ...page }));
}

/** One sentence saying what "stale" means on this site, for the index page and the badge's title. */
export function staleDescription(staleAfterDays: number): string {
	return `Draft and In Review specs whose Last Updated is more than ${staleAfterDays} days old.`;
}

/** The Stale badge's title: how long the spec has been untouched, and what stale means. */
export const staleTitle = (days: number, staleAfterDays: number) => `Not updated for ${days} days. ${staleDescription(staleAfterDays)}`;
