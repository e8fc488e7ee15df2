/**
 * Calendar-date helpers on ISO `YYYY-MM-DD` strings. Everything is computed in UTC so that the
 * machine's time zone (and daylight-saving changes) can never move a date by one day.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `year` has a 29 February (proleptic Gregorian calendar). */
export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Formats a year, month (1–12) and day as ISO `YYYY-MM-DD`. */
export function isoDate(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether `text` is exactly `YYYY-MM-DD` and names a day that exists (no 2027-02-30). */
export function isIsoDate(text: string): boolean {
	const match = ISO_DATE.exec(text);
	if (!match) return false;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 of a valid ISO date. */
function toDayNumber(iso: string): number {
	if (!isIsoDate(iso)) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(iso)}`);
	const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
	// `Date.UTC` maps years 0–99 to 1900–1999; `setUTCFullYear` takes the year literally.
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	return Math.round(date.getTime() / DAY_MS);
}

/** The ISO date of a day number; years outside 0000–9999 have no `YYYY-MM-DD` spelling. */
function fromDayNumber(dayNumber: number): string {
	const date = new Date(dayNumber * DAY_MS);
	const year = date.getUTCFullYear();
	if (!(year >= 0 && year <= 9999)) throw new RangeError(`Date out of range: day ${dayNumber}`);
	return isoDate(year, date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * The date `days` days after `iso` (before it when negative).
 * Throws a RangeError for an invalid date or a result outside years 0000–9999.
 */
export function addDays(iso: string, days: number): string {
	if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
	return fromDayNumber(toDayNumber(iso) + days);
}

/**
 * Length of the range `startIso`–`endIso` counting both ends: a range of one day is 1.
 * Zero or negative when the end is before the start. Throws a RangeError for an invalid date.
 */
export function daysInclusive(startIso: string, endIso: string): number {
	return toDayNumber(endIso) - toDayNumber(startIso) + 1;
}

/** Whole days from `fromIso` to `toIso`: 0 on the same day, negative when `toIso` is earlier. */
export function daysBetween(fromIso: string, toIso: string): number {
	return toDayNumber(toIso) - toDayNumber(fromIso);
}

/** Orders two ISO dates (as for `Array#sort`): negative when `a` is earlier, 0 when equal. */
export function compareIso(a: string, b: string): number {
	// Strict `YYYY-MM-DD` strings sort chronologically as plain strings.
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar date in UTC at the instant `now`: the day the site and `check` call today. */
export function utcDate(now: Date): string {
	return now.toISOString().slice(0, 10);
}

/**
 * The latest Last Updated that is not "in the future" when it is `today` (UTC): a day later,
 * because an author in a time zone ahead of UTC (up to UTC+14) may already be a day further.
 */
export function latestAllowedDate(today: string): string {
	return addDays(today, 1);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const ORDINAL = '(?:st|nd|rd|th)?';
/**
 * Date forms that name one day: `2026/11/20`, `2026.11.20`, `2026-1-5`, an ISO date with a time,
 * `20/11/2026` (when only one reading is a real date), `15 May 2017`, `May 15, 2017`, `Mon 15th of May 2017`.
 */
const ONE_DAY = new RegExp(
	[
		String.raw`(?<ymd>(\d{4})([-/.])(\d{1,2})\3(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)`,
		String.raw`(?<dmy>(\d{1,2})([/.])(\d{1,2})\8(\d{4}))`,
		String.raw`(?<named>${WEEKDAY}(\d{1,2})${ORDINAL}\s+(?:of\s+)?${MONTH},?\s+(\d{4}))`,
		String.raw`(?<us>${WEEKDAY}${MONTH}\s+(\d{1,2})${ORDINAL},?\s+(\d{4}))`,
	]
		.map((form) => String.raw`(?<![\w/.-])${form}(?![\w/-]|\.\d)`)
		.join('|'),
	'giu'
);

/** Each date in `text` written in a form that names one day, with its `YYYY-MM-DD` spelling. */
export function oneDayDates(text: string): { index: number; length: number; iso: string }[] {
	const found: { index: number; length: number; iso: string }[] = [];
	for (const match of text.matchAll(ONE_DAY)) {
		const iso = oneDayIso(match);
		if (iso) found.push({ index: match.index, length: match[0].length, iso });
	}
	return found;
}

function oneDayIso(match: RegExpMatchArray): string | undefined {
	const real = (year: string | undefined, month: number, day: string | undefined) => {
		const iso = isoDate(Number(year), month, Number(day));
		return isIsoDate(iso) ? iso : undefined;
	};
	const month = (name: string | undefined) => MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
	if (match.groups?.['ymd']) return real(match[2], Number(match[4]), match[5]);
	if (match.groups?.['dmy']) {
		// `05/06/2026` is May or June depending on the writer: only a date with one reading is fixed.
		const readings = [real(match[10], Number(match[9]), match[7]), real(match[10], Number(match[7]), match[9])].filter((iso) => iso !== undefined);
		return new Set(readings).size === 1 ? readings[0] : undefined;
	}
	if (match.groups?.['named']) return real(match[14], month(match[13]), match[12]);
	return real(match[18], month(match[16]), match[17]);
}
