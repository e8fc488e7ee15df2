import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, compareIso, daysInclusive, isIsoDate } from '../../src/core/dates.ts';
import {
	parseTimeline,
	resolveTimelines,
	TIMELINE_FORMS,
	type ResolvedTimeline,
	type TimelineValue,
} from '../../src/core/timeline.ts';

/** Parses one value and resolves it as a phase of its own, as the JSON API would show it. */
function resolveAlone(text: string): ResolvedTimeline {
	const parsed = parseTimeline(text);
	if (!parsed.ok) throw new Error(`${JSON.stringify(text)} did not parse: ${parsed.reason}`);
	const [resolved] = resolveTimelines([parsed.value]);
	return resolved!;
}

/** Resolves a list of phases written as text; unparseable text becomes null, as in the parser. */
function resolveAll(texts: readonly string[]): ResolvedTimeline[] {
	return resolveTimelines(
		texts.map((text) => {
			const parsed = parseTimeline(text);
			return parsed.ok ? parsed.value : null;
		}),
	);
}

const dated = (start: string, end: string, durationDays: number): ResolvedTimeline => ({ start, end, durationDays });
const undated = (durationDays: number | null): ResolvedTimeline => ({ start: null, end: null, durationDays });

describe('parseTimeline: accepted forms', () => {
	it.each<[string, ResolvedTimeline]>([
		// Date ranges, every separator.
		['2027-01-04 → 2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		['2027-01-04→2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		['2027-01-04 -> 2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		['2027-01-04 – 2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		['2027-01-04–2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		['2027-01-04 — 2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		['2027-01-04 to 2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		['2027-01-04 TO 2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		['2027-01-04..2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		['2027-01-04 .. 2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		['2027-01-04 - 2027-02-12', dated('2027-01-04', '2027-02-12', 40)],
		// Inclusive at both ends; across months, years and 29 February.
		['2027-03-01 → 2027-03-01', dated('2027-03-01', '2027-03-01', 1)],
		['2026-12-28 → 2027-01-03', dated('2026-12-28', '2027-01-03', 7)],
		['2027-02-28 → 2027-03-01', dated('2027-02-28', '2027-03-01', 2)],
		['2028-02-28 → 2028-03-01', dated('2028-02-28', '2028-03-01', 3)],
		['2028-02-29 → 2028-02-29', dated('2028-02-29', '2028-02-29', 1)],
		['2000-02-29 → 2000-03-01', dated('2000-02-29', '2000-03-01', 2)],
		['2027-01-01 → 2027-12-31', dated('2027-01-01', '2027-12-31', 365)],
		['2028-01-01 → 2028-12-31', dated('2028-01-01', '2028-12-31', 366)],
		// Quarters.
		['Q1 2027', dated('2027-01-01', '2027-03-31', 90)],
		['2027-Q1', dated('2027-01-01', '2027-03-31', 90)],
		['q1 2027', dated('2027-01-01', '2027-03-31', 90)],
		['Q2 2027', dated('2027-04-01', '2027-06-30', 91)],
		['Q3 2027', dated('2027-07-01', '2027-09-30', 92)],
		['Q4 2027', dated('2027-10-01', '2027-12-31', 92)],
		['Q1 2028', dated('2028-01-01', '2028-03-31', 91)],
		['Q1–Q2 2027', dated('2027-01-01', '2027-06-30', 181)],
		['Q1-Q2 2027', dated('2027-01-01', '2027-06-30', 181)],
		['Q1 – Q2 2027', dated('2027-01-01', '2027-06-30', 181)],
		['Q1 to Q4 2027', dated('2027-01-01', '2027-12-31', 365)],
		['Q2–Q2 2027', dated('2027-04-01', '2027-06-30', 91)],
		['Q4 2026 – Q1 2027', dated('2026-10-01', '2027-03-31', 182)],
		['Q4 2026-Q1 2027', dated('2026-10-01', '2027-03-31', 182)],
		['Q4 2026 → Q1 2027', dated('2026-10-01', '2027-03-31', 182)],
		['2026-Q4 – 2027-Q1', dated('2026-10-01', '2027-03-31', 182)],
		// Months.
		['2027-03', dated('2027-03-01', '2027-03-31', 31)],
		['March 2027', dated('2027-03-01', '2027-03-31', 31)],
		['Mar 2027', dated('2027-03-01', '2027-03-31', 31)],
		['MAR 2027', dated('2027-03-01', '2027-03-31', 31)],
		['Sept 2027', dated('2027-09-01', '2027-09-30', 30)],
		['Sep 2027', dated('2027-09-01', '2027-09-30', 30)],
		['September 2027', dated('2027-09-01', '2027-09-30', 30)],
		['Feb 2027', dated('2027-02-01', '2027-02-28', 28)],
		['Feb 2028', dated('2028-02-01', '2028-02-29', 29)],
		['2028-02', dated('2028-02-01', '2028-02-29', 29)],
		['December 2027', dated('2027-12-01', '2027-12-31', 31)],
		['Jan–Mar 2027', dated('2027-01-01', '2027-03-31', 90)],
		['Jan-Mar 2027', dated('2027-01-01', '2027-03-31', 90)],
		['January – March 2027', dated('2027-01-01', '2027-03-31', 90)],
		['Jan 2027 – Mar 2027', dated('2027-01-01', '2027-03-31', 90)],
		['2027-01 → 2027-03', dated('2027-01-01', '2027-03-31', 90)],
		['Nov 2026 – Feb 2027', dated('2026-11-01', '2027-02-28', 120)],
		['Nov 2027 – Feb 2028', dated('2027-11-01', '2028-02-29', 121)],
		// Durations: weeks × 7, the upper bound of a range counts.
		['3 weeks', undated(21)],
		['10 days', undated(10)],
		['1 week', undated(7)],
		['1 day', undated(1)],
		['2-3 weeks', undated(21)],
		['2–3 weeks', undated(21)],
		['2 - 3 weeks', undated(21)],
		['2 to 3 weeks', undated(21)],
		['5-10 days', undated(10)],
		['3 wks', undated(21)],
		['1 wk', undated(7)],
		['3w', undated(21)],
		['10d', undated(10)],
		['3 Weeks', undated(21)],
		// TBD.
		['TBD', undated(null)],
		['tbd', undated(null)],
		['TBD.', undated(null)],
		// Surrounding whitespace, a trailing period, non-breaking spaces.
		['  Q1 2027.  ', dated('2027-01-01', '2027-03-31', 90)],
		['3 weeks.', undated(21)],
		['\t2027-01-04\u00a0→\u00a02027-02-12\n', dated('2027-01-04', '2027-02-12', 40)],
	])('%j', (text, expected) => {
		expect(resolveAlone(text)).toEqual(expected);
	});

	it('gives durations as a duration and TBD as tbd', () => {
		expect(parseTimeline('2–3 weeks')).toEqual({ ok: true, value: { kind: 'duration', days: 21 } });
		expect(parseTimeline('TBD')).toEqual({ ok: true, value: { kind: 'tbd' } });
	});
});

describe('parseTimeline: rejected values', () => {
	const notAForm = /^not one of the timeline forms: write /;

	it.each<[string, RegExp]>([
		// Not calendar dates.
		['2027-02-30 → 2027-03-10', /^2027-02-30 is not a calendar date: February 2027 has 28 days$/],
		['2026-02-29 → 2026-03-10', /^2026-02-29 is not a calendar date: February 2026 has 28 days$/],
		['2100-02-29 → 2100-03-01', /^2100-02-29 is not a calendar date/],
		['2027-01-04 → 2027-04-31', /^2027-04-31 is not a calendar date: April 2027 has 30 days$/],
		['2027-13-01 → 2027-13-05', /^2027-13-01 is not a calendar date: there is no month 13$/],
		['2027-13', /^2027-13 is not a month: there is no month 13$/],
		['2027-00 → 2027-03', /^2027-00 is not a month/],
		['Q5 2027', /^there is no Q5/],
		['Q0–Q2 2027', /^there is no Q0/],
		// Reversed ranges.
		['2027-02-12 → 2027-01-04', /^the range ends \(2027-01-04\) before it starts \(2027-02-12\)$/],
		['Mar 2027 – Jan 2027', /^the range ends \(2027-01-31\) before it starts \(2027-03-01\)$/],
		['Mar–Jan 2027', /^the range ends \(2027-01-31\) before it starts \(2027-03-01\); .*Nov 2026 – Feb 2027$/],
		['Nov–Feb 2027', /before it starts .*write both years/],
		['Q2–Q1 2027', /^the range ends \(2027-03-31\) before it starts \(2027-04-01\); .*Q4 2026 – Q1 2027$/],
		['Q1 2027 – Q4 2026', /^the range ends \(2026-12-31\) before it starts \(2027-01-01\)$/],
		['3-2 weeks', /^the range is reversed: write 2–3/],
		// Half-written values.
		['2027-01-04', /^a single day is not a timeline: write a range, e.g. 2027-01-04 → 2027-01-04$/],
		['Q1', /^give the year/],
		['March', /^give the year/],
		['Q4 2026 – Q1', /^give the year/],
		['Jan 2027 – 2027-03-04', /^both ends of a range must be the same kind/],
		['Q1 2027 – Mar 2027', /^both ends of a range must be the same kind/],
		// Durations that are not whole days or weeks.
		['3 months', /no fixed length/],
		['2 sprints', /no fixed length/],
		['1 year', /no fixed length/],
		['1.5 weeks', /^use a whole number/],
		['0 days', /^a duration is at least 1 day$/],
		['1000000 weeks', /^a duration is at most 100 years/],
		['TBD (waiting on legal)', /^write just TBD/],
		// Garbage.
		['soon', notAForm],
		['next sprint', notAForm],
		['2027', notAForm],
		['ASAP', notAForm],
		['Q1 2027 or Q2 2027', notAForm],
		['2027-01-04 →', notAForm],
		['2027-01-2027-03', notAForm],
		['2027/01/04 → 2027/02/12', notAForm],
		['about 3 weeks', notAForm],
		['', /^empty: write /],
		['   ', /^empty: write /],
	])('%j', (text, reason) => {
		const parsed = parseTimeline(text);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.reason).toMatch(reason);
	});

	it('lists every accepted form when the value is not one of them', () => {
		const parsed = parseTimeline('next sprint');
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		for (const { example } of TIMELINE_FORMS) expect(parsed.reason).toContain(example);
	});

	it('accepts every example it gives in TIMELINE_FORMS', () => {
		for (const { example } of TIMELINE_FORMS) expect(parseTimeline(example).ok, example).toBe(true);
	});
});

describe('resolveTimelines: chaining', () => {
	it('starts a duration the day after the previous phase ends, and chains durations', () => {
		expect(resolveAll(['2027-01-04 → 2027-01-15', '3 weeks', '10 days'])).toEqual([
			dated('2027-01-04', '2027-01-15', 12),
			dated('2027-01-16', '2027-02-05', 21),
			dated('2027-02-06', '2027-02-15', 10),
		]);
	});

	it('chains across a year end and across 29 February', () => {
		expect(resolveAll(['Q4 2026', '2 weeks'])).toEqual([
			dated('2026-10-01', '2026-12-31', 92),
			dated('2027-01-01', '2027-01-14', 14),
		]);
		expect(resolveAll(['2028-02-20 → 2028-02-27', '3 days', '1 day'])).toEqual([
			dated('2028-02-20', '2028-02-27', 8),
			dated('2028-02-28', '2028-03-01', 3),
			dated('2028-03-02', '2028-03-02', 1),
		]);
	});

	it('gives a duration no dates when no dated phase comes before it', () => {
		expect(resolveAll(['3 weeks', '2 weeks', 'Q1 2027', '1 week'])).toEqual([
			undated(21),
			undated(14),
			dated('2027-01-01', '2027-03-31', 90),
			dated('2027-04-01', '2027-04-07', 7),
		]);
	});

	it('breaks the chain at TBD and at unparseable timelines', () => {
		expect(resolveAll(['Q1 2027', 'TBD', '2 weeks', 'Apr 2027', '1 week'])).toEqual([
			dated('2027-01-01', '2027-03-31', 90),
			undated(null),
			undated(14),
			dated('2027-04-01', '2027-04-30', 30),
			dated('2027-05-01', '2027-05-07', 7),
		]);
		expect(resolveAll(['Q1 2027', 'next sprint', '2 weeks'])).toEqual([
			dated('2027-01-01', '2027-03-31', 90),
			undated(null),
			undated(14),
		]);
	});

	it('chains onto the immediately previous phase, not the latest end so far', () => {
		// Phase 2 (February) ends before phase 1 (the whole quarter): phase 3 still follows phase 2.
		expect(resolveAll(['Q1 2027', 'Feb 2027', '1 week'])).toEqual([
			dated('2027-01-01', '2027-03-31', 90),
			dated('2027-02-01', '2027-02-28', 28),
			dated('2027-03-01', '2027-03-07', 7),
		]);
		// A dated phase keeps its own dates after a chain, gap or no gap.
		expect(resolveAll(['Jan 2027', '2 weeks', 'Jun 2027', '1 week'])).toEqual([
			dated('2027-01-01', '2027-01-31', 31),
			dated('2027-02-01', '2027-02-14', 14),
			dated('2027-06-01', '2027-06-30', 30),
			dated('2027-07-01', '2027-07-07', 7),
		]);
	});

	it('resolves no phases to no rows, and never dates a chain past 9999-12-31', () => {
		expect(resolveTimelines([])).toEqual([]);
		expect(resolveAll(['9999-12-01 → 9999-12-31', '1 week'])).toEqual([
			dated('9999-12-01', '9999-12-31', 31),
			undated(7),
		]);
	});

	it('accepts values built by hand', () => {
		const values: TimelineValue[] = [
			{ kind: 'dates', start: '2027-05-03', end: '2027-05-07' },
			{ kind: 'duration', days: 3 },
		];
		expect(resolveTimelines(values)).toEqual([
			dated('2027-05-03', '2027-05-07', 5),
			dated('2027-05-08', '2027-05-10', 3),
		]);
	});
});

describe('dates helpers', () => {
	const originalTz = process.env.TZ;
	afterEach(() => {
		if (originalTz === undefined) delete process.env.TZ;
		else process.env.TZ = originalTz;
	});

	it('isIsoDate accepts only strict, real calendar dates', () => {
		for (const good of ['2027-01-04', '2028-02-29', '2000-02-29', '2027-12-31']) expect(isIsoDate(good), good).toBe(true);
		const bad = ['2027-02-29', '2100-02-29', '2027-04-31', '2027-13-01', '2027-00-10', '2027-01-00'];
		bad.push('2027-1-4', '27-01-04', ' 2027-01-04', '2027-01-04T00:00', '');
		for (const text of bad) {
			expect(isIsoDate(text), text).toBe(false);
		}
	});

	it('addDays, daysInclusive and compareIso agree on the calendar', () => {
		expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
		expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
		expect(addDays('2027-01-04', 0)).toBe('2027-01-04');
		expect(addDays('0050-06-01', 1)).toBe('0050-06-02');
		expect(daysInclusive('2027-01-04', '2027-01-04')).toBe(1);
		expect(daysInclusive('2028-01-01', '2028-12-31')).toBe(366);
		expect(daysInclusive('2027-01-05', '2027-01-04')).toBe(0);
		expect(compareIso('2026-12-31', '2027-01-01')).toBeLessThan(0);
		expect(compareIso('2027-01-01', '2027-01-01')).toBe(0);
		expect(compareIso('2027-10-01', '2027-09-30')).toBeGreaterThan(0);
		expect(() => addDays('2027-02-30', 1)).toThrow(RangeError);
		expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
	});

	it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe'])(
		'does not shift a day across daylight-saving changes in %s',
		(zone) => {
			process.env.TZ = zone;
			// Both the European (last Sunday of March) and US (second Sunday of March) switches.
			expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
			expect(addDays('2027-03-13', 2)).toBe('2027-03-15');
			expect(daysInclusive('2027-03-01', '2027-11-30')).toBe(275);
			expect(resolveAll(['2027-03-01 → 2027-03-27', '2 weeks'])[1]).toEqual(dated('2027-03-28', '2027-04-10', 14));
		},
	);
});

describe('properties', () => {
	// Fragments of the grammar, so that random text often comes close to a real form.
	const pieces = ['Q1', 'q4', ' ', '2027', '2028', '9999', '-', '–', '—', '→', '->', ' to ', '..', '.'];
	pieces.push('Jan', 'sept', '02', '29', '3', 'weeks', 'd', 'TBD');

	it('never throws, and every date it gives is real and in order', () => {
		const text = fc.oneof(
			fc.string({ unit: 'binary' }),
			fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join('')),
		);
		fc.assert(
			fc.property(fc.array(text, { maxLength: 5 }), (texts) => {
				for (const row of resolveAll(texts)) {
					if (row.start === null || row.end === null) {
						expect(row.start).toBe(row.end);
						continue;
					}
					expect(isIsoDate(row.start) && isIsoDate(row.end)).toBe(true);
					expect(compareIso(row.start, row.end)).toBeLessThanOrEqual(0);
					expect(row.durationDays).toBe(daysInclusive(row.start, row.end));
				}
			}),
			{ numRuns: 500 },
		);
	});

	it('reads back any date range it is given, with any separator', () => {
		const day = fc
			.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
			.map((date) => date.toISOString().slice(0, 10));
		const separator = fc.constantFrom(' → ', '->', ' – ', '—', ' to ', '..', ' - ');
		fc.assert(
			fc.property(day, day, separator, (a, b, sep) => {
				const [start, end] = compareIso(a, b) <= 0 ? [a, b] : [b, a];
				expect(parseTimeline(`${start}${sep}${end}`)).toEqual({ ok: true, value: { kind: 'dates', start, end } });
			}),
		);
	});
});
