/**
 * Every page of the roadmap, each with the view of its window and status it shares with that
 * view's other pages. A view is laid out once: worked out again on each page, the whole registry
 * was filtered, sorted and laid out per page, and the roadmap's pages cost more than all the spec
 * pages together at 5,000 specs.
 */
import { STATUSES, type Status } from '../core/statuses.ts';
import type { StoredSpec } from '../content/query.ts';
import { neighbours, pageCount, windowAt, windowsWithPhases, type RoadmapWindow } from './roadmap-window.ts';
import { roadmap, type Roadmap } from './timeline.ts';

/** One window, whole or of one status, laid out. */
export interface RoadmapView extends Roadmap {
	/** Specs with a phase in the window, in all and by status: the counts of the status filters. */
	counts: Record<Status | 'all', number>;
	/** The nearest windows with a page where a phase of this view's status starts or ends. */
	earlier: number | undefined;
	later: number | undefined;
}

/** One page of the roadmap. */
export interface RoadmapPage {
	window: RoadmapWindow;
	/** Only the specs with this status; undefined for all. */
	status: Status | undefined;
	/** This page, from 1, of how many the view has. */
	page: number;
	pages: number;
	view: RoadmapView;
}

/**
 * The pages of today's window (always, even without phases: /timeline/ is in the sidebar) and of
 * every window with a page (windowsWithPhases), whole and by status, each split into pages.
 */
export function roadmapPages(specs: readonly StoredSpec[], today: string): RoadmapPage[] {
	const warnings = specs.flatMap((spec) => spec.diagnostics);
	const statuses = [undefined, ...STATUSES];
	// The windows each status has phases in, for the links to the nearest ones either way.
	const windowsOf = new Map(
		statuses.map((status) => {
			const chosen = status === undefined ? specs : specs.filter((spec) => spec.status === status);
			return [status, windowsWithPhases(chosen.flatMap((spec) => spec.phases), today)] as const;
		}),
	);
	const indexes = [0, ...(windowsOf.get(undefined) ?? []).filter((index) => index !== 0)];
	return indexes.flatMap((index) => {
		const window = windowAt(today, index);
		const laidOut = statuses.map((status) => ({ status, ...roadmap(specs, { today, window, status, warnings }) }));
		// Counted from the rows the pages show, so a filter's count is what its page lists.
		const filterCounts = Object.fromEntries(laidOut.map(({ status, rows }) => [status ?? 'all', rows.length])) as RoadmapView['counts'];
		return laidOut.flatMap(({ status, ...layout }) => {
			const view: RoadmapView = { ...layout, counts: filterCounts, ...neighbours(windowsOf.get(status) ?? [], index) };
			const pages = pageCount(view.rows.length);
			return Array.from({ length: pages }, (_, at) => ({ window, status, page: at + 1, pages, view }));
		});
	});
}
