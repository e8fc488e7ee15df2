/**
 * The roadmap's time windows: three calendar quarters each, tiled from the quarter of the build's
 * today (window 0 is today's quarter and the next two, window -1 the three before, and so on), so
 * every date falls in exactly one window and a window's page shows a bounded stretch of time
 * whatever the registry's span. A window is named by its first quarter (`2027-q3`), its URL segment.
 */
import { compareIso, daysInMonth, isoDate } from '../core/dates.ts';
import type { Phase } from '../core/model.ts';

/** Quarters in one window. */
export const WINDOW_QUARTERS = 3;

/** One window of the roadmap. */
export interface RoadmapWindow {
	/** Windows from today's: 0 is the default, -1 the one before it, 1 the one after. */
	index: number;
	/** Its first quarter as a URL segment, `2027-q3`. */
	key: string;
	/** First day, the first of its first quarter. */
	start: string;
	/** Last day, inclusive, the last of its last quarter. */
	end: string;
	/** The quarters it covers, as people write them: `Q3 2027 – Q1 2028`. */
	label: string;
}

/** Quarters since year 0 of a date's quarter (Q1 2027 → 8108), so quarter steps are additions. */
const quarterNumber = (iso: string) => Number(iso.slice(0, 4)) * 4 + Math.floor((Number(iso.slice(5, 7)) - 1) / 3);

const quarterName = (quarter: number) => `Q${(quarter % 4) + 1} ${Math.floor(quarter / 4)}`;

/** The window `index` windows away from the one holding `today`. */
export function windowAt(today: string, index: number): RoadmapWindow {
	const first = quarterNumber(today) + index * WINDOW_QUARTERS;
	const last = first + WINDOW_QUARTERS - 1;
	const year = Math.floor(first / 4);
	const lastYear = Math.floor(last / 4);
	const lastMonth = (last % 4) * 3 + 3;
	return {
		index,
		key: `${year}-q${(first % 4) + 1}`,
		start: isoDate(year, (first % 4) * 3 + 1, 1),
		end: isoDate(lastYear, lastMonth, daysInMonth(lastYear, lastMonth)),
		label: `${quarterName(first)} – ${quarterName(last)}`,
	};
}

/** Which window (relative to today's) holds `date`. */
export const windowIndexOf = (date: string, today: string) => Math.floor((quarterNumber(date) - quarterNumber(today)) / WINDOW_QUARTERS);

/**
 * The window a URL segment names (`2027-q3`), or undefined when the segment is not one (a status
 * slug) or does not start a window of this build's tiling.
 */
export function windowFromKey(key: string, today: string): RoadmapWindow | undefined {
	const match = /^(\d{4})-q([1-4])$/.exec(key);
	if (!match) return undefined;
	const offset = Number(match[1]) * 4 + Number(match[2]) - 1 - quarterNumber(today);
	if (offset % WINDOW_QUARTERS !== 0) return undefined;
	return windowAt(today, offset / WINDOW_QUARTERS);
}

/** Whether a phase's dates overlap a window (undated phases overlap none). */
export const overlapsWindow = (phase: Pick<Phase, 'start' | 'end'>, window: Pick<RoadmapWindow, 'start' | 'end'>) =>
	phase.start !== null && phase.end !== null && compareIso(phase.start, window.end) <= 0 && compareIso(phase.end, window.start) >= 0;

/**
 * The windows that get a page: those where a dated phase starts or ends, ascending, once each. A
 * window that phases only pass through has none (their bars show on the pages either side), or a
 * phase written across centuries would make thousands of pages.
 */
export function windowsWithPhases(phases: Iterable<Pick<Phase, 'start' | 'end'>>, today: string): number[] {
	const indexes = new Set<number>();
	for (const phase of phases) {
		if (phase.start === null || phase.end === null) continue;
		indexes.add(windowIndexOf(phase.start, today));
		indexes.add(windowIndexOf(phase.end, today));
	}
	return [...indexes].sort((a, b) => a - b);
}

/** The nearest of `indexes` before and after `index` (undefined when there is none). */
export function neighbours(indexes: readonly number[], index: number): { earlier: number | undefined; later: number | undefined } {
	return { earlier: indexes.findLast((each) => each < index), later: indexes.find((each) => each > index) };
}

/**
 * Specs per roadmap page. A window holding more is split into pages, so that no page grows with
 * the registry (a window bounds time, not how many specs share it).
 */
export const ROADMAP_PAGE_SIZE = 50;

/** Pages for `rows` specs: at least one, which says when there are none. */
export const pageCount = (rows: number) => Math.max(1, Math.ceil(rows / ROADMAP_PAGE_SIZE));

/** The rows of page `page` (1-based). */
export const pageRows = <Row>(rows: readonly Row[], page: number): Row[] => rows.slice((page - 1) * ROADMAP_PAGE_SIZE, page * ROADMAP_PAGE_SIZE);
