/**
 * The Timeline grammar of a phase (DESIGN.md §2): what authors may write, what it means in
 * calendar days (inclusive at both ends), and how durations chain onto the phase before.
 */

import { addDays, daysInclusive, daysInMonth, isIsoDate, isoDate, compareIso } from './dates.ts';

/** What a Timeline value means once parsed. */
export type TimelineValue =
	/** A calendar range; ISO `YYYY-MM-DD`, both days included. */
	| { kind: 'dates'; start: string; end: string }
	/** A length in days (weeks × 7) that starts the day after the previous phase ends. */
	| { kind: 'duration'; days: number }
	/** Not estimated yet. */
	| { kind: 'tbd' };

/**
 * The outcome of parsing one Timeline value. A `reason` is a lower-case clause without a final
 * period, so that callers can write e.g. `Timeline "soon": ${reason}`.
 */
export type TimelineParse = { ok: true; value: TimelineValue } | { ok: false; reason: string };

/** The accepted forms, one example each, for error messages and the guide. */
export const TIMELINE_FORMS: readonly { form: string; example: string; meaning: string }[] = [
	{
		form: 'date range',
		example: '2027-01-04 → 2027-02-12',
		meaning: 'from the first day to the last, both included; the arrow may also be ->, –, —, to, .. or a spaced -',
	},
	{
		form: 'quarter',
		example: 'Q1 2027',
		meaning: 'the calendar quarter, 2027-01-01 → 2027-03-31; also written 2027-Q1',
	},
	{
		form: 'quarter range',
		example: 'Q1–Q2 2027',
		meaning: 'first day of the first quarter to last day of the last; across years: Q4 2026 – Q1 2027',
	},
	{
		form: 'month',
		example: 'Mar 2027',
		meaning: 'the calendar month, 2027-03-01 → 2027-03-31; also March 2027 or 2027-03',
	},
	{
		form: 'month range',
		example: 'Jan–Mar 2027',
		meaning: 'first day of the first month to last day of the last; across years: Nov 2026 – Feb 2027',
	},
	{
		form: 'duration',
		example: '3 weeks',
		meaning: 'that many days (weeks × 7), starting the day after the previous phase ends; also 10 days, 3w, 10d',
	},
	{
		form: 'duration range',
		example: '2–3 weeks',
		meaning: 'the upper bound counts: 21 days',
	},
	{ form: 'TBD', example: 'TBD', meaning: 'not estimated yet (not allowed once the spec is Approved)' },
];

/** Resolved dates of one phase, as in the JSON API. */
export interface ResolvedTimeline {
	/** First day (ISO), or null when the phase has no dates. */
	start: string | null;
	/** Last day, inclusive (ISO), or null when the phase has no dates. */
	end: string | null;
	/** Length in days counting both ends, or null for TBD or an unparseable timeline. */
	durationDays: number | null;
}

/**
 * The longest duration accepted (100 years). Anything longer is surely a typo, and the cap keeps
 * absurd counts like `99999999999999999999 days` away from the date arithmetic.
 */
const MAX_DURATION_DAYS = 36_500;

/** Separators between the two ends of a range. Spaces are required around `to` and a plain `-`. */
const RANGE_SEPARATOR = /\s*(?:→|->|–|—|\.\.)\s*|\s+to\s+|\s+-\s+/g;
/** A bare `-` also separates quarters and month names, where it cannot be part of an ISO date. */
const BARE_HYPHEN = /\s*-\s*/g;
/** A separator inside a duration range (`2-3 weeks`, `2–3 weeks`, `2 to 3 weeks`). */
const COUNT_SEPARATOR = String.raw`(?:\s*(?:-|–|—|\.\.)\s*|\s+to\s+)`;
const DURATION = new RegExp(String.raw`^(\d+)(?:${COUNT_SEPARATOR}(\d+))?\s*(days?|d|weeks?|wks?|w)$`);
const FRACTIONAL_DURATION = /^\d*[.,]\d+\s*(?:days?|d|weeks?|wks?|w)$/;
const VAGUE_DURATION = new RegExp(
	String.raw`^\d+(?:${COUNT_SEPARATOR}\d+)?\s*(?:months?|mos?|quarters?|years?|yrs?|sprints?)$`,
);

/** Month names as written: full, three letters, and `sept`, the one four-letter abbreviation in common use. */
const MONTHS: ReadonlyMap<string, number> = new Map([
	...[
		'january',
		'february',
		'march',
		'april',
		'may',
		'june',
		'july',
		'august',
		'september',
		'october',
		'november',
		'december',
	].flatMap((name, index): [string, number][] => [
		[name, index + 1],
		[name.slice(0, 3), index + 1],
	]),
	['sept', 9],
]);

/** One end of a range (or a whole single period), before the year is borrowed from the other end. */
type Period =
	| { unit: 'date'; iso: string }
	| { unit: 'month'; year: number | null; month: number; named: boolean }
	| { unit: 'quarter'; year: number | null; quarter: number };

/** A recognised shape holding an impossible value, e.g. `2027-02-30` or `Q5 2027`. */
type Invalid = { reason: string; iso: boolean };

/** Parses a Timeline value written as plain text (Markdown already stripped by the caller). */
export function parseTimeline(text: string): TimelineParse {
	const normalised = normalise(text);
	if (normalised === '') return fail(`empty: ${formsSummary()}`);
	if (normalised === 'tbd') return { ok: true, value: { kind: 'tbd' } };
	if (/^tbd\b/.test(normalised)) {
		return fail('write just TBD; notes about the estimate belong in the tasks or an Open Questions section');
	}
	return (
		parseDuration(normalised) ??
		parseSingle(normalised) ??
		parseRange(normalised) ??
		fail(`not one of the timeline forms: ${formsSummary()}`)
	);
}

/**
 * Gives every phase its dates. A dated phase keeps its own dates. A duration starts the day after
 * the immediately previous phase ends, whatever made that end (its own dates or an earlier
 * duration chained onto dates); when that phase has no end (TBD, unparseable, a duration without
 * dates, or no previous phase at all) the duration has a length but no dates. Dated phases do not
 * move: a gap or an overlap with the previous phase is left as written.
 */
export function resolveTimelines(values: readonly (TimelineValue | null)[]): ResolvedTimeline[] {
	let previousEnd: string | null = null;
	return values.map((value) => {
		const resolved = resolveOne(value, previousEnd);
		previousEnd = resolved.end;
		return resolved;
	});
}

function resolveOne(value: TimelineValue | null, previousEnd: string | null): ResolvedTimeline {
	if (value === null || value.kind === 'tbd') return { start: null, end: null, durationDays: null };
	if (value.kind === 'dates') {
		return { start: value.start, end: value.end, durationDays: daysInclusive(value.start, value.end) };
	}
	const start = previousEnd === null ? null : shift(previousEnd, 1);
	const end = start === null ? null : shift(start, value.days - 1);
	return { start: end === null ? null : start, end, durationDays: value.days };
}

/** `addDays`, or null past 9999-12-31 (a chain cannot be dated beyond what ISO can spell). */
function shift(iso: string, days: number): string | null {
	try {
		return addDays(iso, days);
	} catch {
		return null;
	}
}

/** Lower-case, single spaces, no surrounding space, no trailing period (`TBD.`, `3 weeks.`). */
function normalise(text: string): string {
	let result = text.replace(/\s+/g, ' ').trim();
	if (result.endsWith('.')) result = result.slice(0, -1).trimEnd();
	return result.toLowerCase();
}

function parseDuration(text: string): TimelineParse | null {
	if (FRACTIONAL_DURATION.test(text)) return fail('use a whole number of days or weeks, e.g. 10 days');
	if (VAGUE_DURATION.test(text)) {
		return fail(
			'months, quarters, years and sprints have no fixed length: ' +
				'write weeks or days (e.g. 6 weeks), or calendar months (e.g. Jan–Mar 2027)',
		);
	}
	const match = DURATION.exec(text);
	if (!match) return null;
	const low = Number(match[1]);
	const high = match[2] === undefined ? low : Number(match[2]);
	const unitDays = match[3]?.startsWith('d') ? 1 : 7;
	if (low < 1) return fail('a duration is at least 1 day');
	if (high < low) return fail(`the range is reversed: write ${high}–${low}, the larger number last`);
	const days = high * unitDays;
	if (days > MAX_DURATION_DAYS) return fail(`a duration is at most 100 years (${MAX_DURATION_DAYS} days)`);
	return { ok: true, value: { kind: 'duration', days } };
}

/** A whole value that is one period: `Q1 2027`, `2027-Q1`, `March 2027`, `2027-03`. */
function parseSingle(text: string): TimelineParse | null {
	const period = parsePeriod(text);
	if (period === null) return null;
	if ('reason' in period) return fail(period.reason);
	if (period.unit === 'date') {
		return fail(`a single day is not a timeline: write a range, e.g. ${period.iso} → ${period.iso}`);
	}
	if (period.year === null) return fail(`give the year, e.g. ${period.unit === 'quarter' ? 'Q1 2027' : 'Mar 2027'}`);
	return dates(firstDay(period, period.year), lastDay(period, period.year), '');
}

/**
 * A value with two ends. Tries every separator position, so that hyphens inside ISO dates never
 * confuse the split: the first position where both ends are recognised decides.
 */
function parseRange(text: string): TimelineParse | null {
	for (const [separator, bare] of [
		[RANGE_SEPARATOR, false],
		[BARE_HYPHEN, true],
	] as const) {
		for (const match of text.matchAll(separator)) {
			const left = parsePeriod(text.slice(0, match.index));
			const right = parsePeriod(text.slice(match.index + match[0].length));
			const result = combine(left, right, bare);
			if (result !== null) return result;
		}
	}
	return null;
}

function combine(
	left: Period | Invalid | null,
	right: Period | Invalid | null,
	bareHyphen: boolean,
): TimelineParse | null {
	if (left === null || right === null) return null;
	if (bareHyphen && !(isNamedOrQuarter(left) && isNamedOrQuarter(right))) return null;
	if ('reason' in left) return fail(left.reason);
	if ('reason' in right) return fail(right.reason);
	if (left.unit === 'date' && right.unit === 'date') return dates(left.iso, right.iso, '');
	if (left.unit === 'date' || right.unit === 'date' || left.unit !== right.unit) {
		return fail('both ends of a range must be the same kind: two dates, two months or two quarters');
	}
	if (right.year === null) {
		return fail(`give the year, e.g. ${right.unit === 'quarter' ? 'Q1–Q2 2027' : 'Jan–Mar 2027'}`);
	}
	// `Nov–Feb 2027` reads as Nov 2027 – Feb 2027: reversed, and worth a hint about the missing year.
	const hint = left.year !== null ? '' : left.unit === 'quarter' ? 'Q4 2026 – Q1 2027' : 'Nov 2026 – Feb 2027';
	return dates(firstDay(left, left.year ?? right.year), lastDay(right, right.year), hint);
}

/** Quarters and month names may be joined by a bare `-`; ISO forms may not (`2027-01-2027-03`). */
function isNamedOrQuarter(period: Period | Invalid): boolean {
	if ('reason' in period) return !period.iso;
	return period.unit === 'quarter' || (period.unit === 'month' && period.named);
}

/**
 * One end of a range, or null when the text has none of the period shapes. A recognised shape
 * with an impossible value gives its reason instead, so the author learns what is wrong with it.
 */
function parsePeriod(raw: string): Period | Invalid | null {
	const text = raw.trim();
	let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (match) {
		if (isIsoDate(text)) return { unit: 'date', iso: text };
		const year = Number(match[1]);
		const month = Number(match[2]);
		if (month < 1 || month > 12) return invalidIso(`${text} is not a calendar date: there is no month ${month}`);
		return invalidIso(`${text} is not a calendar date: ${monthName(month)} ${year} has ${daysInMonth(year, month)} days`);
	}
	match = /^(\d{4})-(\d{2})$/.exec(text);
	if (match) {
		const month = Number(match[2]);
		if (month < 1 || month > 12) return invalidIso(`${text} is not a month: there is no month ${month}`);
		return { unit: 'month', year: Number(match[1]), month, named: false };
	}
	match = /^q(\d+)(?: (\d{4}))?$/.exec(text);
	if (match) return quarterPeriod(Number(match[1]), match[2]);
	match = /^(\d{4})-q(\d+)$/.exec(text);
	if (match) return quarterPeriod(Number(match[2]), match[1]);
	match = /^([a-z]+)\.?(?: (\d{4}))?$/.exec(text);
	const month = match ? MONTHS.get(match[1] ?? '') : undefined;
	if (match && month !== undefined) {
		return { unit: 'month', year: match[2] === undefined ? null : Number(match[2]), month, named: true };
	}
	return null;
}

function quarterPeriod(quarter: number, yearText: string | undefined): Period | Invalid {
	if (quarter < 1 || quarter > 4) return { reason: `there is no Q${quarter}: quarters are Q1 to Q4`, iso: false };
	return { unit: 'quarter', year: yearText === undefined ? null : Number(yearText), quarter };
}

/** An impossible value in an ISO shape, whose hyphens therefore never separate a range. */
function invalidIso(reason: string): Invalid {
	return { reason, iso: true };
}

function firstDay(period: Exclude<Period, { unit: 'date' }>, year: number): string {
	const month = period.unit === 'month' ? period.month : period.quarter * 3 - 2;
	return isoDate(year, month, 1);
}

function lastDay(period: Exclude<Period, { unit: 'date' }>, year: number): string {
	const month = period.unit === 'month' ? period.month : period.quarter * 3;
	return isoDate(year, month, daysInMonth(year, month));
}

/** A dated value, or the reason it ends before it starts (with `example` of a range across years). */
function dates(start: string, end: string, example: string): TimelineParse {
	if (compareIso(end, start) < 0) {
		const hint = example === '' ? '' : `; across a new year write both years, e.g. ${example}`;
		return fail(`the range ends (${end}) before it starts (${start})${hint}`);
	}
	return { ok: true, value: { kind: 'dates', start, end } };
}

function monthName(month: number): string {
	return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
}

/** `write a date range (2027-01-04 → 2027-02-12), a quarter (Q1 2027), … or TBD`. */
function formsSummary(): string {
	const forms = TIMELINE_FORMS.filter((entry) => entry.form !== 'TBD').map(
		(entry) => `a ${entry.form} (${entry.example})`,
	);
	return `write ${forms.join(', ')} or TBD`;
}

function fail(reason: string): TimelineParse {
	return { ok: false, reason };
}
