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
