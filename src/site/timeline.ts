/**
 * The arithmetic of the phase timelines: where each phase sits on a date (or week) axis, which
 * ticks the axis gets, where today falls, and the roadmap's rows. Pure functions over parsed specs,
 * so the components only print what this computes and every position can be unit-tested.
 *
 * Positions are percentages of the axis width, rounded to 0.01 (a tenth of a pixel on a
 * 1,000-pixel track) so the roadmap's markup stays short. Days are inclusive, as in the grammar: a
 * phase from 2027-01-01 to 2027-01-31 covers 31 whole days of the axis.
 */
import { compareIso, daysBetween, daysInclusive, daysInMonth, isoDate } from '../core/dates.ts';
import { inGroup } from '../core/diagnostics.ts';
import type { Diagnostic, Phase, Spec, Status } from '../core/model.ts';
import { overlapsWindow, type RoadmapWindow } from './roadmap-window.ts';

/** A schedule warning as the timelines use it: the line it points at and what it says. */
export type ScheduleWarning = Pick<Diagnostic, 'code' | 'line' | 'message'>;

/** The diagnostic codes the timelines flag (the schedule checks of src/core/schedule.ts). */
export const isScheduleWarning = (warning: Pick<Diagnostic, 'code'>) => inGroup(warning.code, 'schedule');

/** What one tick interval of the axis shows. */
export interface AxisTick {
	/** Where the interval starts, in % of the axis. */
	start: number;
	/** Its width, in % of the axis. */
	width: number;
	/** `Jan`, `Q1` or `Week 1`. */
	label: string;
	/** The year under a month or quarter label (`2027`); empty for weeks. */
	sub: string;
	/**
	 * Which labels are printed: `all` at every width, `wide` only where the track is wide enough,
	 * `none` never (the gridline stays). Keeps a 15-month or 10-year axis legible at 375 px.
	 */
	show: 'all' | 'wide' | 'none';
}

/** A calendar axis, padded to whole months (spans up to 15 months) or whole quarters. */
export interface DateAxis {
	kind: 'dates';
	/** First day drawn (the first of a month or quarter). */
	start: string;
	/** Last day drawn, inclusive (the last of a month or quarter). */
	end: string;
	/** Days drawn, counting both ends. */
	days: number;
	unit: 'month' | 'quarter';
	ticks: AxisTick[];
	/** Today's position in % (the middle of today's day), or null when today is not on the axis. */
	today: number | null;
}

/** A relative axis for a spec whose phases have durations but no dates: week 1, week 2, … */
export interface WeekAxis {
	kind: 'weeks';
	/** Days drawn: whole weeks. */
	days: number;
	weeks: number;
	unit: 'week';
	ticks: AxisTick[];
	/** A relative axis has no today. */
	today: null;
}

export type Axis = DateAxis | WeekAxis;

/** One phase on (or beside) the axis, with what is written next to its bar. */
export interface PhaseBar {
	number: number;
	name: string;
	/** The Timeline as written. */
	timeline: string;
	/**
	 * `dated`: placed by its dates. `relative`: placed on a week axis by chaining durations.
	 * `unplaced`: a duration with no dates on a date axis, or after a TBD on a week axis.
	 * `tbd`: not estimated (TBD, or a timeline that could not be read).
	 */
	kind: 'dated' | 'relative' | 'unplaced' | 'tbd';
	/** First and last day (dated phases). */
	start: string | null;
	end: string | null;
	/** First and last week, 1-based (relative phases). */
	fromWeek: number | null;
	toWeek: number | null;
	/** Length in days, or null for TBD. */
	durationDays: number | null;
	/** Left edge and width in % of the axis; null when the phase is not placed. */
	left: number | null;
	width: number | null;
	/** Where a dated phase runs on past the axis (a roadmap window's edges): drawn clipped, marked there. */
	beyond: 'start' | 'end' | 'both' | null;
	/** Schedule warnings about this phase, as sentences. */
	warnings: string[];
}

/** A timeline: the axis (null when no phase can be placed) and one bar per phase, in order. */
export interface TimelineLayout {
	axis: Axis | null;
	bars: PhaseBar[];
}

/** Month axes up to this many months; quarters beyond (a 16-month axis has too many ticks). */
export const MAX_MONTH_TICKS = 15;

/** Labels at most, per unit: on a wide track, and on a narrow one (a phone). */
const MAX_LABELS = { month: { wide: 12, narrow: 6 }, quarter: { wide: 12, narrow: 6 }, week: { wide: 8, narrow: 4 } };
/** Label every Nth interval, N from these, aligned to the calendar (Jan, Q1) or to week 1. */
const LABEL_STEPS = { month: [1, 2, 3, 6, 12, 24, 60], quarter: [1, 2, 4, 8, 20, 40], week: [1, 2, 4, 8, 13, 26, 52] };

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Rounded to 0.01, the precision positions are written with. */
const round = (value: number) => Math.round(value * 100) / 100;


const yearMonth = (iso: string) => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) });

/**
 * The axis for dated phases from `first` to `last` (both inclusive): padded to whole months when
 * that spans at most 15 months, otherwise to whole quarters. `today` gets a position when it falls
 * on the drawn axis.
 */
export function dateAxis(first: string, last: string, today?: string): DateAxis {
	const from = yearMonth(first);
	const to = yearMonth(last);
	const months = (to.year - from.year) * 12 + (to.month - from.month) + 1;
	const unit = months <= MAX_MONTH_TICKS ? 'month' : 'quarter';
	const step = unit === 'month' ? 1 : 3;
	// First month of the first interval, and the last month of the last one.
	const startMonth = unit === 'month' ? from.month : from.month - ((from.month - 1) % 3);
	const endMonth = unit === 'month' ? to.month : to.month + 2 - ((to.month - 1) % 3);
	const start = isoDate(from.year, startMonth, 1);
	const end = isoDate(to.year, endMonth, daysInMonth(to.year, endMonth));
	const days = daysInclusive(start, end);

	const intervals: { start: string; days: number; index: number; label: string; sub: string }[] = [];
	for (let year = from.year, month = startMonth; year < to.year || (year === to.year && month <= endMonth); ) {
		const intervalStart = isoDate(year, month, 1);
		const lastMonth = month + step - 1;
		intervals.push({
			start: intervalStart,
			days: daysInclusive(intervalStart, isoDate(year, lastMonth, daysInMonth(year, lastMonth))),
			// Calendar-aligned index, so thinned labels fall on Jan/Apr/Jul/Oct or on Q1.
			index: unit === 'month' ? year * 12 + month - 1 : year * 4 + (month - 1) / 3,
			label: unit === 'month' ? (MONTH_NAMES[month - 1] as string) : `Q${(month + 2) / 3}`,
			sub: String(year),
		});
		month += step;
		if (month > 12) {
			month -= 12;
			year += 1;
		}
	}
	const show = labelFilter(unit, intervals.length);
	const ticks = intervals.map((interval) => ({
		start: round((daysBetween(start, interval.start) / days) * 100),
		width: round((interval.days / days) * 100),
		label: interval.label,
		sub: interval.sub,
		show: show(interval.index),
	}));
	return { kind: 'dates', start, end, days, unit, ticks, today: today === undefined ? null : todayPosition(start, end, today) };
}

/** Today's position on an axis (the middle of the day), or null when it is off the axis. */
export function todayPosition(start: string, end: string, today: string): number | null {
	if (compareIso(today, start) < 0 || compareIso(today, end) > 0) return null;
	return round(((daysBetween(start, today) + 0.5) / daysInclusive(start, end)) * 100);
}

/** A relative axis of whole weeks covering `days` days (at least one week). */
export function weekAxis(days: number): WeekAxis {
	const weeks = Math.max(1, Math.ceil(days / 7));
	const show = labelFilter('week', weeks);
	const ticks = Array.from({ length: weeks }, (_, index) => ({
		start: round(((index * 7) / (weeks * 7)) * 100),
		width: round((1 / weeks) * 100),
		label: `Week ${index + 1}`,
		sub: '',
		show: show(index),
	}));
	return { kind: 'weeks', days: weeks * 7, weeks, unit: 'week', ticks, today: null };
}

/**
 * Which labels to print for `count` intervals: every Nth (N the smallest step that keeps the
 * count under the limit) on a wide track, and a multiple of that on a narrow one.
 */
function labelFilter(unit: keyof typeof MAX_LABELS, count: number): (index: number) => AxisTick['show'] {
	const steps = LABEL_STEPS[unit];
	const pick = (limit: number) => steps.find((step) => Math.ceil(count / step) <= limit) ?? (steps.at(-1) as number);
	const wide = pick(MAX_LABELS[unit].wide);
	// The narrow step must be a multiple of the wide one, or a label would show only on phones.
	const narrow = steps.find((step) => step % wide === 0 && Math.ceil(count / step) <= MAX_LABELS[unit].narrow) ?? (steps.at(-1) as number);
	return (index) => (index % narrow === 0 ? 'all' : index % wide === 0 ? 'wide' : 'none');
}

/** Warnings whose line falls inside each phase's section (from its heading to the next phase's). */
function warningsByPhase(phases: readonly Phase[], warnings: readonly ScheduleWarning[]): string[][] {
	const schedule = warnings.filter(isScheduleWarning);
	return phases.map((phase, index) => {
		const from = phase.position.line;
		const next = phases[index + 1]?.position.line ?? Number.POSITIVE_INFINITY;
		return schedule.filter((warning) => warning.line >= from && warning.line < next).map((warning) => warning.message);
	});
}

/** A bar with nothing placed yet. */
function baseBar(phase: Phase, warnings: string[]): PhaseBar {
	return {
		number: phase.number,
		name: phase.name,
		timeline: phase.timeline,
		kind: phase.durationDays === null ? 'tbd' : 'unplaced',
		start: phase.start,
		end: phase.end,
		fromWeek: null,
		toWeek: null,
		durationDays: phase.durationDays,
		left: null,
		width: null,
		beyond: null,
		warnings,
	};
}

/**
 * Places dated phases on a given date axis (the spec's own, or a roadmap window's). A phase running
 * past either end of the axis is drawn up to that end and says so in `beyond`; call it only with
 * phases that overlap the axis.
 */
export function placeOnDateAxis(phases: readonly Phase[], axis: DateAxis, warnings: readonly ScheduleWarning[] = []): PhaseBar[] {
	const byPhase = warningsByPhase(phases, warnings);
	return phases.map((phase, index) => {
		const bar = baseBar(phase, byPhase[index] ?? []);
		if (phase.start === null || phase.end === null) return bar;
		const before = compareIso(phase.start, axis.start) < 0;
		const after = compareIso(phase.end, axis.end) > 0;
		const from = before ? axis.start : phase.start;
		const to = after ? axis.end : phase.end;
		return {
			...bar,
			kind: 'dated',
			left: round((daysBetween(axis.start, from) / axis.days) * 100),
			width: round((daysInclusive(from, to) / axis.days) * 100),
			beyond: before && after ? 'both' : before ? 'start' : after ? 'end' : null,
		};
	});
}

/** The dated range of some phases: earliest start, latest end; undefined when none has dates. */
export function datedSpan(phases: readonly Phase[]): { start: string; end: string } | undefined {
	let start: string | undefined;
	let end: string | undefined;
	for (const phase of phases) {
		if (phase.start === null || phase.end === null) continue;
		if (start === undefined || compareIso(phase.start, start) < 0) start = phase.start;
		if (end === undefined || compareIso(phase.end, end) > 0) end = phase.end;
	}
	return start !== undefined && end !== undefined ? { start, end } : undefined;
}

/**
 * One spec's timeline. Dated phases go on a calendar axis. Without any dates, durations are
 * chained from week 1 onto a relative axis (a TBD breaks the chain: what follows is not placed).
 * With neither, there is no axis and every phase is listed as TBD.
 */
export function layoutTimeline(
	phases: readonly Phase[],
	options: { today: string; warnings?: readonly ScheduleWarning[] },
): TimelineLayout {
	const warnings = options.warnings ?? [];
	const span = datedSpan(phases);
	if (span) {
		const axis = dateAxis(span.start, span.end, options.today);
		return { axis, bars: placeOnDateAxis(phases, axis, warnings) };
	}

	const byPhase = warningsByPhase(phases, warnings);
	let offset = 0;
	let chained = true;
	const chain = phases.map((phase, index) => {
		const bar = baseBar(phase, byPhase[index] ?? []);
		if (phase.durationDays === null) {
			chained = false;
			return { bar, from: 0 };
		}
		if (!chained) return { bar, from: 0 };
		const from = offset;
		offset += phase.durationDays;
		return {
			bar: {
				...bar,
				kind: 'relative' as const,
				fromWeek: Math.floor(from / 7) + 1,
				toWeek: Math.floor((from + phase.durationDays - 1) / 7) + 1,
			},
			from,
		};
	});
	if (offset === 0) return { axis: null, bars: chain.map(({ bar }) => bar) };
	const axis = weekAxis(offset);
	return {
		axis,
		bars: chain.map(({ bar, from }) =>
			bar.kind === 'relative' && bar.durationDays !== null
				? { ...bar, left: round((from / axis.days) * 100), width: round((bar.durationDays / axis.days) * 100) }
				: bar,
		),
	};
}

/** `18 days`, `1 day`. */
export const dayCount = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`;

/**
 * What is written beside a bar, in two parts: `when` (the dates, the weeks, the duration or TBD)
 * and `detail` (the Timeline as written when it says more than the dates, and the length).
 */
export function describeBar(bar: PhaseBar): { when: string; detail: string } {
	const written = bar.timeline.trim();
	const length = bar.durationDays === null ? '' : dayCount(bar.durationDays);
	// `Q1 2027 · 90 days`, but not `2027-01-04 → 2027-02-12 · 40 days` twice over, nor `10 days · 10 days`.
	const withWritten = (also: boolean) => [also ? written : '', length].filter(Boolean).join(' · ');
	switch (bar.kind) {
		case 'dated':
			return { when: `${bar.start} → ${bar.end}`, detail: withWritten(!written.includes(bar.start as string)) };
		case 'relative':
			return {
				when: bar.fromWeek === bar.toWeek ? `Week ${bar.fromWeek}` : `Week ${bar.fromWeek} → week ${bar.toWeek}`,
				detail: withWritten(written.toLowerCase() !== length),
			};
		case 'unplaced':
			// A duration starts the day after the phase before it ends; here there is no such day.
			return {
				when: written,
				detail: `${length} · not placed: ${bar.number === 1 ? 'no phase before it to start after' : 'the phase before it has no end date'}`,
			};
		case 'tbd':
			return { when: 'TBD', detail: /^(tbd)?$/i.test(written) ? 'not estimated yet' : `not estimated: “${written}”` };
	}
}

/** One spec of the roadmap: its phases in the window on the window's axis. */
export interface RoadmapRow {
	id: string;
	feature: string;
	status: Status;
	/** Its first dated day, in or before the window (the rows' order). */
	start: string;
	/** Its dated phases that overlap the window, clipped to it, and its phases without dates. */
	bars: PhaseBar[];
}

/** One window of the roadmap: its axis, one row per spec with a phase in it. */
export interface Roadmap {
	/** The window's axis; null when no spec (of the status asked for) has a phase in the window. */
	axis: DateAxis | null;
	rows: RoadmapRow[];
	/** Specs of the status asked for that have no dated phase at all, and so belong to no window. */
	undated: Spec[];
}

/**
 * One window of the roadmap: every spec (optionally of one status) with a dated phase in the
 * window, ordered by first start date then id, on the window's month axis. A row keeps its phases
 * without dates (TBD, or a duration with nothing dated before it), which belong to no window, next
 * to the dated ones. `warnings` are diagnostics of any files: each row takes those of its spec's file.
 */
export function roadmap(
	specs: readonly Spec[],
	options: { today: string; window: Pick<RoadmapWindow, 'start' | 'end'>; status?: Status | undefined; warnings?: readonly Diagnostic[] },
): Roadmap {
	const { window } = options;
	const chosen = options.status === undefined ? specs : specs.filter((spec) => spec.status === options.status);
	const inWindow: { spec: Spec; start: string }[] = [];
	const undated: Spec[] = [];
	for (const spec of chosen) {
		const span = datedSpan(spec.phases);
		if (!span) undated.push(spec);
		else if (spec.phases.some((phase) => overlapsWindow(phase, window))) inWindow.push({ spec, start: span.start });
	}
	if (inWindow.length === 0) return { axis: null, rows: [], undated };

	inWindow.sort((a, b) => compareIso(a.start, b.start) || (a.spec.id < b.spec.id ? -1 : a.spec.id > b.spec.id ? 1 : 0));
	const axis = dateAxis(window.start, window.end, options.today);
	const warningsByFile = Map.groupBy((options.warnings ?? []).filter(isScheduleWarning), (warning) => warning.file);
	return {
		axis,
		rows: inWindow.map(({ spec, start }) => ({
			id: spec.id,
			feature: spec.feature,
			status: spec.status,
			start,
			bars: placeOnDateAxis(spec.phases, axis, warningsByFile.get(spec.path) ?? []).filter(
				(_, index) => spec.phases[index]?.start === null || overlapsWindow(spec.phases[index] as Phase, window),
			),
		})),
		undated,
	};
}

/** The sentence about today under a timeline: where its line is, or why there is none. */
export function todayNote(axis: Axis | null, today: string): string {
	if (axis === null || axis.kind === 'weeks') return '';
	if (axis.today !== null) return `The vertical line marks today, ${today}.`;
	return compareIso(today, axis.start) < 0 ? `Today, ${today}, is before this timeline starts.` : `Today, ${today}, is after this timeline ends.`;
}

/** The sentence under a spec's timeline title: how many phases, over what, and any warnings. */
export function timelineSummary(layout: TimelineLayout): string {
	const count = layout.bars.length;
	const phases = `${count} ${count === 1 ? 'phase' : 'phases'}`;
	const warned = layout.bars.reduce((sum, bar) => sum + bar.warnings.length, 0);
	const warnings = warned === 0 ? '' : ` ⚠ ${warned} schedule ${warned === 1 ? 'warning' : 'warnings'}.`;
	const { axis } = layout;
	if (axis === null) return `${phases}, none estimated yet.${warnings}`;
	if (axis.kind === 'weeks') {
		return `${phases} over ${axis.weeks} ${axis.weeks === 1 ? 'week' : 'weeks'}, laid end to end from their durations (no dates yet).${warnings}`;
	}
	const dated = layout.bars.filter((bar) => bar.kind === 'dated');
	const first = dated.reduce((min, bar) => (compareIso(bar.start as string, min) < 0 ? (bar.start as string) : min), dated[0]?.start as string);
	const last = dated.reduce((max, bar) => (compareIso(bar.end as string, max) > 0 ? (bar.end as string) : max), dated[0]?.end as string);
	return `${phases}, ${first} → ${last}.${warnings}`;
}

/** A roadmap page's title (its h1): the quarters it shows, so each window's page says which, and which page. */
export const roadmapTitle = (window: Pick<RoadmapWindow, 'label'>, status?: Status, page = 1, pages = 1) =>
	`Roadmap${status ? `: ${status}` : ''}, ${window.label}${pages > 1 ? ` (page ${page} of ${pages})` : ''}`;
