import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIso } from '../../src/core/dates.ts';
import {
	neighbours,
	overlapsWindow,
	pageCount,
	pageRows,
	ROADMAP_PAGE_SIZE,
	windowAt,
	windowFromKey,
	windowIndexOf,
	windowsWithPhases,
} from '../../src/site/roadmap-window.ts';
import { roadmapPages } from '../../src/site/roadmap-pages.ts';
import type { StoredSpec } from '../../src/content/query.ts';
import type { Phase, Status } from '../../src/core/model.ts';
import { NO_HISTORY } from '../../src/core/spec-history.ts';

const TODAY = '2026-11-26';
/** Any day from 1990 to 2060, as an ISO date. */
const anyDay = fc.integer({ min: 0, max: 70 * 366 }).map((days) => addDays('1990-01-01', days));
const dated = (start: string, end: string) => ({ start, end });
/** A spec as the loader stores it, with only what the roadmap reads set to something telling. */
function stored(id: string, status: Status, dates: Pick<Phase, 'start' | 'end'>[]): StoredSpec {
	const phases = dates.map((each, index): Phase => ({
		number: index + 1,
		name: `Phase ${index + 1}`,
		timeline: each.start ? `${each.start} to ${each.end}` : 'TBD',
		...each,
		durationDays: null,
		tasks: ['A task'],
		dependencies: [],
		dependencyLinks: [],
		position: { line: 10 * (index + 1), column: 1 },
		timelinePosition: { line: 10 * (index + 1) + 3, column: 15 },
	}));
	return { id, path: `specs/${id}.md`, feature: `Feature ${id}`, authors: [], lastUpdated: TODAY, status, tags: [], supersedes: [], phases, rolloutPlan: [], extraSections: [], ...NO_HISTORY, diagnostics: [] };
}

describe('roadmap windows', () => {
	it('start with today’s quarter and cover it and the next two', () => {
		expect(windowAt(TODAY, 0)).toEqual({ index: 0, key: '2026-q4', start: '2026-10-01', end: '2027-06-30', label: 'Q4 2026 – Q2 2027' });
		expect(windowAt('2027-01-01', 0)).toMatchObject({ key: '2027-q1', start: '2027-01-01', end: '2027-09-30', label: 'Q1 2027 – Q3 2027' });
		expect(windowAt('2026-12-31', 0)).toMatchObject({ key: '2026-q4', start: '2026-10-01' });
	});

	it('tile the calendar in steps of three quarters either way, across years and a leap February', () => {
		expect(windowAt(TODAY, 1)).toMatchObject({ key: '2027-q3', start: '2027-07-01', end: '2028-03-31', label: 'Q3 2027 – Q1 2028' });
		expect(windowAt(TODAY, -1)).toMatchObject({ key: '2026-q1', start: '2026-01-01', end: '2026-09-30', label: 'Q1 2026 – Q3 2026' });
		expect(windowAt(TODAY, -2)).toMatchObject({ key: '2025-q2', start: '2025-04-01', end: '2025-12-31' });
		expect(windowAt('2027-11-01', 0).end).toBe('2028-06-30');
		fc.assert(
			fc.property(anyDay, fc.integer({ min: -30, max: 30 }), (today, index) => {
				expect(addDays(windowAt(today, index).end, 1)).toBe(windowAt(today, index + 1).start);
			}),
		);
	});

	it('put every date in exactly the window its index names', () => {
		expect([
			windowIndexOf('2026-09-30', TODAY),
			windowIndexOf('2026-10-01', TODAY),
			windowIndexOf('2027-06-30', TODAY),
			windowIndexOf('2027-07-01', TODAY),
			windowIndexOf('2025-12-31', TODAY),
		]).toEqual([-1, 0, 0, 1, -2]);
		fc.assert(
			fc.property(anyDay, anyDay, (today, date) => {
				const { start, end } = windowAt(today, windowIndexOf(date, today));
				expect(compareIso(start, date) <= 0 && compareIso(date, end) <= 0).toBe(true);
			}),
		);
	});

	it('are found again from their URL key, and only keys of this tiling name one', () => {
		expect(windowFromKey('2027-q3', TODAY)?.index).toBe(1);
		expect(windowFromKey('2024-q3', TODAY)?.index).toBe(-3);
		expect(windowFromKey('2027-q2', TODAY)).toBeUndefined(); // inside window 0, not a window's start
		expect(windowFromKey('draft', TODAY)).toBeUndefined();
		expect(windowFromKey('2027-q5', TODAY)).toBeUndefined();
		fc.assert(
			fc.property(anyDay, fc.integer({ min: -30, max: 30 }), (today, index) => {
				expect(windowFromKey(windowAt(today, index).key, today)).toEqual(windowAt(today, index));
			}),
		);
	});
});

describe('which windows have phases', () => {
	it('counts a phase in every window it overlaps, whole days at both ends', () => {
		const window = windowAt(TODAY, 0);
		expect(overlapsWindow(dated('2026-09-01', '2026-10-01'), window)).toBe(true);
		expect(overlapsWindow(dated('2026-09-01', '2026-09-30'), window)).toBe(false);
		expect(overlapsWindow(dated('2027-06-30', '2027-07-10'), window)).toBe(true);
		expect(overlapsWindow({ start: null, end: null }, window)).toBe(false);
	});

	it('gives a page to the windows where a dated phase starts or ends, in order, once each, whatever the undated phases', () => {
		const phases = [
			dated('2027-09-06', '2027-10-29'), // window 1
			dated('2026-08-03', '2026-11-13'), // windows -1 and 0
			{ start: null, end: null }, // TBD: no window
			dated('2027-07-01', '2027-07-02'), // window 1 again
			dated('2030-01-01', '2030-01-31'), // window 4, after a gap
		];
		expect(windowsWithPhases(phases, TODAY)).toEqual([-1, 0, 1, 4]);
		// Not to the windows a phase only passes through: a phase over ten centuries makes two pages, not 1,300.
		expect(windowsWithPhases([dated('2025-01-01', '2028-12-31')], TODAY)).toEqual([-3, 2]);
		expect(windowsWithPhases([dated('1500-01-01', '2500-12-31')], TODAY)).toHaveLength(2);
		expect(windowsWithPhases([], TODAY)).toEqual([]);
	});

	it('skips to the nearest window with phases either way, or says there is none', () => {
		expect(neighbours([-3, 0, 4], 0)).toEqual({ earlier: -3, later: 4 });
		expect(neighbours([-3, 0, 4], 4)).toEqual({ earlier: 0, later: undefined });
		// Today's window may have no phase itself.
		expect(neighbours([-1, 2], 0)).toEqual({ earlier: -1, later: 2 });
		expect(neighbours([], 0)).toEqual({ earlier: undefined, later: undefined });
	});
});

describe('pages of a window', () => {
	it('hold ROADMAP_PAGE_SIZE specs each, in order, with one page even for none', () => {
		const rows = Array.from({ length: 2 * ROADMAP_PAGE_SIZE + 1 }, (_, index) => index);
		expect([0, 1, ROADMAP_PAGE_SIZE, ROADMAP_PAGE_SIZE + 1, rows.length].map(pageCount)).toEqual([1, 1, 1, 2, 3]);
		expect(pageRows(rows, 1)).toEqual(rows.slice(0, ROADMAP_PAGE_SIZE));
		expect(pageRows(rows, 3)).toEqual([2 * ROADMAP_PAGE_SIZE]);
		expect([1, 2, 3].flatMap((page) => pageRows(rows, page))).toEqual(rows);
	});

	it('are counted per window, in all and by status, once per spec however many of its phases fall there', () => {
		const pages = roadmapPages(
			[
				stored('a', 'Draft', [dated('2026-11-01', '2026-11-30'), dated('2026-12-01', '2027-07-15')]), // windows 0 and 1
				stored('b', 'Approved', [dated('2027-01-01', '2027-01-31'), { start: null, end: null }]), // window 0
				stored('c', 'Draft', [{ start: null, end: null }]), // no window
			],
			TODAY,
		);
		const whole = (index: number) => pages.find((page) => page.window.index === index && page.status === undefined);
		expect(whole(0)?.view.counts).toEqual({ all: 2, Draft: 1, 'In Review': 0, Approved: 1 });
		expect(whole(1)?.view.counts).toEqual({ all: 1, Draft: 1, 'In Review': 0, Approved: 0 });
		// Every window has its whole page and one per status, each a page even when empty.
		expect(pages.map((page) => `${page.window.index} ${page.status ?? 'all'} ${page.page}/${page.pages}`)).toEqual(
			[0, 1].flatMap((index) => ['all', 'Draft', 'In Review', 'Approved'].map((status) => `${index} ${status} 1/1`)),
		);
		expect(whole(0)?.view.undated.map((spec) => spec.id)).toEqual(['c']);
	});

	it('count a phase in every window with a page that it passes through, as the page shows it', () => {
		const pages = roadmapPages(
			[
				stored('long', 'Approved', [dated('2020-01-01', '2035-12-31')]), // windows -9 to 12, two of them paged
				stored('short', 'Draft', [dated('2027-01-01', '2027-01-31')]), // window 0
			],
			TODAY,
		);
		const wholes = pages.filter((page) => page.status === undefined);
		expect(wholes.map((page) => [page.window.index, page.view.counts.all])).toEqual([
			[0, 2],
			[-9, 1],
			[12, 1],
		]);
		expect(wholes.map((page) => [page.view.earlier, page.view.later])).toEqual([
			[-9, 12],
			[undefined, 0],
			[0, undefined],
		]);
	});

	it('split a window into as many pages as its rows need, today’s window too when phases only pass through it', () => {
		const many = Array.from({ length: ROADMAP_PAGE_SIZE + 1 }, (_, index) => stored(`s${String(index).padStart(2, '0')}`, 'Draft', [dated('2020-01-01', '2035-12-31')]));
		const today = roadmapPages(many, TODAY).filter((page) => page.window.index === 0 && page.status !== 'Approved');
		expect(today.map((page) => `${page.status ?? 'all'} ${page.page}/${page.pages}`)).toEqual(['all 1/2', 'all 2/2', 'Draft 1/2', 'Draft 2/2', 'In Review 1/1']);
		expect(today[0]?.view.counts.all).toBe(ROADMAP_PAGE_SIZE + 1);
	});
});
