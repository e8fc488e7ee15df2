import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysInclusive } from '../../src/core/dates.ts';
import type { Phase, Spec, Status } from '../../src/core/model.ts';
import { NO_HISTORY } from '../../src/core/spec-history.ts';
import { windowAt } from '../../src/site/roadmap-window.ts';
import {
	dateAxis,
	describeBar,
	layoutTimeline,
	roadmap,
	timelineSummary,
	todayNote,
	todayPosition,
	weekAxis,
	type AxisTick,
	type PhaseBar,
} from '../../src/site/timeline.ts';

/** A phase as the parser makes it; each phase's section is 10 lines long, its Timeline on line +3. */
function phase(number: number, timeline: string, dates: [string, string] | number | null, extra: Partial<Phase> = {}): Phase {
	const [start, end] = Array.isArray(dates) ? dates : [null, null];
	const durationDays = Array.isArray(dates) ? daysInclusive(dates[0], dates[1]) : dates;
	return {
		number,
		name: `Phase name ${number}`,
		timeline,
		start,
		end,
		durationDays,
		tasks: ['A task'],
		dependencies: [],
		dependencyLinks: [],
		position: { line: number * 10, column: 1 },
		timelinePosition: { line: number * 10 + 3, column: 17 },
		...extra,
	};
}

function spec(id: string, status: Status, phases: Phase[]): Spec {
	return {
		id,
		path: `specs/${id}.md`,
		feature: `Feature ${id}`,
		authors: [{ name: 'Ana Lima', slug: 'ana-lima' }],
		lastUpdated: '2026-11-20',
		status,
		tags: [],
		supersedes: [],
		phases,
		rolloutPlan: ['Ship it'],
		extraSections: [],
		...NO_HISTORY,
	};
}

const labels = (ticks: AxisTick[]) => ticks.map((tick) => `${tick.label} ${tick.sub}`.trim());
const shown = (ticks: AxisTick[], width: 'wide' | 'narrow') =>
	ticks.filter((tick) => tick.show === 'all' || (width === 'wide' && tick.show === 'wide')).map((tick) => tick.label);
const placement = (bars: PhaseBar[]) => bars.map((bar) => [bar.kind, bar.left, bar.width]);

describe('dateAxis', () => {
	it('pads to whole months and ticks every month across a year boundary', () => {
		const axis = dateAxis('2026-12-01', '2027-02-19');
		expect(axis).toMatchObject({ kind: 'dates', unit: 'month', start: '2026-12-01', end: '2027-02-28', days: 90 });
		expect(labels(axis.ticks)).toEqual(['Dec 2026', 'Jan 2027', 'Feb 2027']);
		// December and January are 31 days of 90, February 28.
		expect(axis.ticks.map((tick) => [tick.start, tick.width])).toEqual([
			[0, 34.44],
			[34.44, 34.44],
			[68.89, 31.11],
		]);
	});

	it('pads a range starting mid-month back to the first of that month', () => {
		const axis = dateAxis('2027-03-17', '2027-03-20');
		expect(axis).toMatchObject({ start: '2027-03-01', end: '2027-03-31', days: 31 });
		expect(labels(axis.ticks)).toEqual(['Mar 2027']);
	});

	it('keeps months up to 15 months and switches to quarters at 16', () => {
		const fifteen = dateAxis('2027-01-10', '2028-03-05');
		expect(fifteen.unit).toBe('month');
		expect(fifteen.ticks).toHaveLength(15);
		expect(fifteen.end).toBe('2028-03-31');

		const sixteen = dateAxis('2026-11-15', '2028-02-10');
		expect(sixteen).toMatchObject({ unit: 'quarter', start: '2026-10-01', end: '2028-03-31' });
		expect(labels(sixteen.ticks)).toEqual(['Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027', 'Q1 2028']);
	});

	it('gives a leap February its 29 days', () => {
		const leap = dateAxis('2028-02-01', '2028-02-29');
		expect(leap).toMatchObject({ start: '2028-02-01', end: '2028-02-29', days: 29 });
		const common = dateAxis('2027-02-01', '2027-03-31');
		expect(common.days).toBe(59);
		expect(common.ticks[0]?.width).toBe(47.46); // 28 of 59 days
		const withLeap = dateAxis('2028-02-01', '2028-03-31');
		expect(withLeap.days).toBe(60);
		expect(withLeap.ticks[0]?.width).toBe(48.33); // 29 of 60 days
	});

	it('counts quarters by their real lengths (Q1 of a leap year is 91 days)', () => {
		const axis = dateAxis('2027-01-01', '2028-06-30');
		expect(axis.unit).toBe('quarter');
		expect(axis.days).toBe(365 + 182);
		const q1of2028 = axis.ticks[4];
		expect(q1of2028).toMatchObject({ label: 'Q1', sub: '2028', width: Math.round((91 / 547) * 10000) / 100 });
	});

	it('thins the labels of long axes, aligned to the calendar', () => {
		const fifteen = dateAxis('2027-01-01', '2028-03-31');
		expect(shown(fifteen.ticks, 'wide')).toEqual(['Jan', 'Mar', 'May', 'Jul', 'Sep', 'Nov', 'Jan', 'Mar']);
		expect(shown(fifteen.ticks, 'narrow')).toEqual(['Jan', 'Jul', 'Jan']);

		const decade = dateAxis('2026-01-01', '2035-12-31');
		expect(decade.ticks).toHaveLength(40);
		expect(shown(decade.ticks, 'wide').length).toBeLessThanOrEqual(12);
		expect(shown(decade.ticks, 'narrow').length).toBeLessThanOrEqual(6);
		// Thinned labels fall on Q1, so each one names a new year.
		expect(new Set(shown(decade.ticks, 'wide'))).toEqual(new Set(['Q1']));
	});

	it('shows every label of a short axis at every width', () => {
		const axis = dateAxis('2027-01-01', '2027-04-30');
		expect(axis.ticks.every((tick) => tick.show === 'all')).toBe(true);
	});
});

describe('today', () => {
	it('sits in the middle of its day when on the axis', () => {
		expect(todayPosition('2027-01-01', '2027-01-31', '2027-01-01')).toBe(1.61); // 0.5 of 31 days
		expect(todayPosition('2027-01-01', '2027-01-31', '2027-01-16')).toBe(50);
		expect(todayPosition('2027-01-01', '2027-01-31', '2027-01-31')).toBe(98.39);
	});

	it('is absent outside the axis', () => {
		expect(todayPosition('2027-01-01', '2027-01-31', '2026-12-31')).toBeNull();
		expect(todayPosition('2027-01-01', '2027-01-31', '2027-02-01')).toBeNull();
		expect(dateAxis('2027-01-05', '2027-01-20', '2026-11-26').today).toBeNull();
	});

	it('counts the padding: today before the first phase but inside its month is shown', () => {
		expect(dateAxis('2026-11-30', '2026-12-31', '2026-11-26').today).toBe(41.8); // 25.5 of 61 days
	});

	it('handles a leap day', () => {
		expect(todayPosition('2028-02-01', '2028-02-29', '2028-02-29')).toBe(98.28); // 28.5 of 29
	});
});

describe('layoutTimeline: dated phases', () => {
	const phases = [
		phase(1, '2026-12-01 .. 2026-12-18', ['2026-12-01', '2026-12-18']),
		phase(2, '2-3 weeks', ['2026-12-19', '2027-01-08']),
		phase(3, '2027-01-11 → 2027-02-19', ['2027-01-11', '2027-02-19']),
	];

	it('places each phase by its inclusive dates on the padded axis', () => {
		const { axis, bars } = layoutTimeline(phases, { today: '2026-11-26' });
		expect(axis).toMatchObject({ kind: 'dates', start: '2026-12-01', end: '2027-02-28', days: 90, today: null });
		expect(placement(bars)).toEqual([
			['dated', 0, 20], // 18 of 90 days
			['dated', 20, 23.33], // from day 18, 21 days
			['dated', 45.56, 44.44], // from day 41, 40 days
		]);
	});

	it('keeps the phase order and every bar inside the axis (any dates)', () => {
		const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2026-01-01', n));
		const range = fc.tuple(day, fc.integer({ min: 0, max: 400 })).map(([start, length]): [string, string] => [start, addDays(start, length)]);
		fc.assert(
			fc.property(fc.array(range, { minLength: 1, maxLength: 6 }), fc.option(day, { nil: undefined }), (ranges, today) => {
				const { axis, bars } = layoutTimeline(
					ranges.map((dates, index) => phase(index + 1, 'dates', dates)),
					{ today: today ?? '2026-11-26' },
				);
				expect(bars.map((bar) => bar.number)).toEqual(ranges.map((_, index) => index + 1));
				for (const bar of bars) {
					expect(bar.left).toBeGreaterThanOrEqual(0);
					expect((bar.left ?? 0) + (bar.width ?? 0)).toBeLessThanOrEqual(100.02);
					expect(bar.width).toBeGreaterThan(0);
				}
				if (axis?.today != null) expect(axis.today).toBeGreaterThan(0);
			}),
		);
	});

	it('shows today inside the range', () => {
		const { axis } = layoutTimeline(phases, { today: '2027-01-15' });
		expect(axis?.today).toBe(50.56); // day 45.5 of 90
	});

	it('lists a TBD phase and a duration it cannot date without placing them', () => {
		const { axis, bars } = layoutTimeline(
			[phase(1, '2027-03', ['2027-03-01', '2027-03-31']), phase(2, 'TBD', null), phase(3, '2 weeks', 14)],
			{ today: '2026-11-26' },
		);
		expect(axis).toMatchObject({ start: '2027-03-01', end: '2027-03-31' });
		expect(placement(bars)).toEqual([
			['dated', 0, 100],
			['tbd', null, null],
			['unplaced', null, null],
		]);
		expect(bars.map(describeBar)).toEqual([
			{ when: '2027-03-01 → 2027-03-31', detail: '2027-03 · 31 days' },
			{ when: 'TBD', detail: 'not estimated yet' },
			{ when: '2 weeks', detail: '14 days · not placed: the phase before it has no end date' },
		]);
	});
});

describe('layoutTimeline: durations without dates', () => {
	it('chains durations onto a week axis from week 1', () => {
		const { axis, bars } = layoutTimeline(
			[phase(1, '10 days', 10), phase(2, '3 weeks', 21), phase(3, '2-3 weeks', 21), phase(4, '1 week', 7)],
			{ today: '2026-11-26' },
		);
		expect(axis).toMatchObject({ kind: 'weeks', weeks: 9, days: 63, today: null });
		expect(axis?.ticks.map((tick) => tick.label)).toEqual(Array.from({ length: 9 }, (_, i) => `Week ${i + 1}`));
		expect(shown(axis?.ticks ?? [], 'wide')).toEqual(['Week 1', 'Week 3', 'Week 5', 'Week 7', 'Week 9']);
		expect(shown(axis?.ticks ?? [], 'narrow')).toEqual(['Week 1', 'Week 5', 'Week 9']);
		expect(placement(bars)).toEqual([
			['relative', 0, 15.87], // days 0–9 of 63
			['relative', 15.87, 33.33], // days 10–30
			['relative', 49.21, 33.33], // days 31–51
			['relative', 82.54, 11.11], // days 52–58
		]);
		expect(bars.map((bar) => describeBar(bar).when)).toEqual([
			'Week 1 → week 2',
			'Week 2 → week 5',
			'Week 5 → week 8',
			'Week 8 → week 9',
		]);
		expect(bars.map((bar) => describeBar(bar).detail)).toEqual(['10 days', '3 weeks · 21 days', '2-3 weeks · 21 days', '1 week · 7 days']);
	});

	it('writes a phase within one week as that week', () => {
		const { bars } = layoutTimeline([phase(1, '1 week', 7), phase(2, '3 days', 3)], { today: '2026-11-26' });
		expect(bars.map((bar) => describeBar(bar).when)).toEqual(['Week 1', 'Week 2']);
	});

	it('stops the chain at a TBD: what follows has no start', () => {
		const { axis, bars } = layoutTimeline([phase(1, '2 weeks', 14), phase(2, 'TBD', null), phase(3, '1 week', 7)], {
			today: '2026-11-26',
		});
		expect(axis).toMatchObject({ kind: 'weeks', weeks: 2 });
		expect(placement(bars)).toEqual([
			['relative', 0, 100],
			['tbd', null, null],
			['unplaced', null, null],
		]);
	});

	it('has no axis when nothing is estimated', () => {
		const { axis, bars } = layoutTimeline([phase(1, 'TBD', null), phase(2, 'soon', null)], { today: '2026-11-26' });
		expect(axis).toBeNull();
		expect(bars.map(describeBar)).toEqual([
			{ when: 'TBD', detail: 'not estimated yet' },
			{ when: 'TBD', detail: 'not estimated: “soon”' },
		]);
	});

	it('rounds the last week up to a whole week', () => {
		expect(weekAxis(15)).toMatchObject({ weeks: 3, days: 21 });
		expect(weekAxis(14)).toMatchObject({ weeks: 2, days: 14 });
	});
});

describe('layoutTimeline: warnings', () => {
	it('attaches schedule warnings to the phase whose section holds their line', () => {
		const phases = [phase(1, 'Jan 2027', ['2027-01-01', '2027-01-31']), phase(2, 'Jan 2027', ['2027-01-01', '2027-01-31'])];
		const { bars } = layoutTimeline(phases, {
			today: '2026-11-26',
			warnings: [
				{ code: 'schedule-phase-order', line: 23, message: 'Phase 2 starts on 2027-01-01, but Phase 1, which it depends on, ends on 2027-01-31.' },
				{ code: 'schedule-started', line: 13, message: 'Started.' },
				// Not a schedule warning: not the timeline's business.
				{ code: 'placeholder', line: 14, message: 'Placeholder.' },
			],
		});
		expect(bars.map((bar) => bar.warnings)).toEqual([
			['Started.'],
			['Phase 2 starts on 2027-01-01, but Phase 1, which it depends on, ends on 2027-01-31.'],
		]);
	});
});

describe('roadmap', () => {
	const TODAY = '2026-11-26';
	/** Today's window, 2026-10-01 → 2027-06-30 (273 days), and the one after the next. */
	const current = windowAt(TODAY, 0);
	const specs = [
		spec('payments/b', 'In Review', [phase(1, 'Q1 2027', ['2027-01-01', '2027-03-31'])]),
		spec('payments/a', 'Approved', [phase(1, 'Q1 2027', ['2027-01-01', '2027-03-31']), phase(2, 'TBD', null)]),
		spec('early', 'Draft', [phase(1, '3 weeks', 21), phase(2, 'Nov 2026', ['2026-11-01', '2026-11-30'])]),
		spec('late', 'In Review', [phase(1, 'Q3 2028', ['2028-07-01', '2028-09-30'])]),
		spec('undated', 'Draft', [phase(1, '3 weeks', 21)]),
		spec('empty', 'Draft', []),
	];

	it('shows the specs with a phase in the window, by first start then id, on the window’s month axis', () => {
		const { axis, rows, undated } = roadmap(specs, { today: TODAY, window: current });
		expect(rows.map((row) => row.id)).toEqual(['early', 'payments/a', 'payments/b']);
		expect(undated.map((other) => other.id)).toEqual(['undated', 'empty']);
		expect(axis).toMatchObject({ unit: 'month', start: '2026-10-01', end: '2027-06-30', today: 20.7 }); // 56.5 of 273 days
		expect(labels(axis?.ticks ?? [])).toHaveLength(9);
		// Same dates, same place, whichever spec.
		expect(rows[1]?.bars[0]).toMatchObject({ left: rows[2]?.bars[0]?.left, width: rows[2]?.bars[0]?.width, beyond: null });
		// Phases without dates stay in their spec's row.
		expect(rows[0]?.bars.map((bar) => bar.kind)).toEqual(['unplaced', 'dated']);
		expect(rows[1]?.bars.map((bar) => bar.kind)).toEqual(['dated', 'tbd']);
	});

	it('shows a spec outside the window on its own window’s page only', () => {
		expect(roadmap(specs, { today: TODAY, window: windowAt(TODAY, 2) }).rows.map((row) => row.id)).toEqual(['late']);
		expect(roadmap(specs, { today: TODAY, window: windowAt(TODAY, 1) })).toMatchObject({ axis: null, rows: [] });
	});

	it('clips a phase to the window, marks the edge it runs past, and leaves out phases outside it', () => {
		const long = spec('long', 'Approved', [
			phase(1, 'Aug 2026', ['2026-08-03', '2026-11-13']),
			phase(2, 'Q2 2027', ['2027-05-01', '2027-08-31']),
			phase(3, 'Q3 2027', ['2027-07-01', '2027-09-30']),
			phase(4, 'Years', ['2026-01-01', '2028-12-31']),
			phase(5, 'TBD', null),
		]);
		const [row] = roadmap([long], { today: TODAY, window: current }).rows;
		expect(row?.start).toBe('2026-01-01');
		expect(row?.bars.map((bar) => [bar.number, bar.left, bar.width, bar.beyond])).toEqual([
			[1, 0, 16.12, 'start'], // 2026-10-01 → 2026-11-13: 44 of 273 days
			[2, 77.66, 22.34, 'end'], // 2027-05-01 → 2027-06-30: day 212, 61 days
			[4, 0, 100, 'both'],
			[5, null, null, null],
		]);
		// The text keeps the real dates.
		expect(describeBar(row?.bars[0] as PhaseBar).when).toBe('2026-08-03 → 2026-11-13');
	});

	it('filters by status within the window', () => {
		const inReview = roadmap(specs, { today: TODAY, window: current, status: 'In Review' });
		expect(inReview.rows.map((row) => row.id)).toEqual(['payments/b']);
		expect(inReview.axis).toMatchObject({ start: '2026-10-01', end: '2027-06-30' });

		const drafts = roadmap(specs, { today: TODAY, window: current, status: 'Draft' });
		expect(drafts.rows.map((row) => row.id)).toEqual(['early']);
		expect(drafts.undated.map((other) => other.id)).toEqual(['undated', 'empty']);
	});

	it('has no axis when nothing has dates', () => {
		expect(roadmap([specs[4] as Spec], { today: TODAY, window: current })).toMatchObject({ axis: null, rows: [] });
	});

	it('gives each row the schedule warnings of its own file', () => {
		const { rows } = roadmap(specs, {
			today: TODAY,
			window: current,
			warnings: [
				{ file: 'specs/payments/a.md', line: 13, column: 17, severity: 'warning', code: 'schedule-cross-spec', message: 'Late.' },
				{ file: 'specs/payments/b.md', line: 13, column: 17, severity: 'error', code: 'placeholder', message: 'Not ours.' },
			],
		});
		expect(rows.map((row) => row.bars.flatMap((bar) => bar.warnings))).toEqual([[], ['Late.'], []]);
	});
});

describe('the sentences under a timeline', () => {
	const phases = [phase(1, 'Dec 2026', ['2026-12-01', '2026-12-31']), phase(2, 'Q1 2027', ['2027-01-01', '2027-03-31'])];

	it('says where today is, or why it has no line', () => {
		expect(todayNote(layoutTimeline(phases, { today: '2027-01-15' }).axis, '2027-01-15')).toBe('The vertical line marks today, 2027-01-15.');
		expect(todayNote(layoutTimeline(phases, { today: '2026-11-26' }).axis, '2026-11-26')).toBe('Today, 2026-11-26, is before this timeline starts.');
		expect(todayNote(layoutTimeline(phases, { today: '2027-04-01' }).axis, '2027-04-01')).toBe('Today, 2027-04-01, is after this timeline ends.');
		// A week axis has no today.
		expect(todayNote(layoutTimeline([phase(1, '1 week', 7)], { today: '2026-11-26' }).axis, '2026-11-26')).toBe('');
	});

	it('summarises the phases, their span and the warnings', () => {
		expect(timelineSummary(layoutTimeline(phases, { today: '2026-11-26' }))).toBe('2 phases, 2026-12-01 → 2027-03-31.');
		expect(
			timelineSummary(
				layoutTimeline([phase(1, '1 week', 7), phase(2, 'TBD', null)], {
					today: '2026-11-26',
					warnings: [{ code: 'schedule-started', line: 13, message: 'Started.' }],
				}),
			),
		).toBe('2 phases over 1 week, laid end to end from their durations (no dates yet). ⚠ 1 schedule warning.');
		expect(timelineSummary(layoutTimeline([phase(1, 'TBD', null)], { today: '2026-11-26' }))).toBe('1 phase, none estimated yet.');
	});
});
