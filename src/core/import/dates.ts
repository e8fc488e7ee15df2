/**
 * Dates as design docs write them → ISO `YYYY-MM-DD`: `2026-01-15`, `2026/01/15`, `15 May 2017`,
 * `May 15, 2017`, and month-only forms (`January 2026`, `2026-01`), which take the month's first day.
 */
import { isIsoDate, isoDate } from '../dates.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1–12 for a month name or its abbreviation (`Mar`, `Sept.`), else undefined. */
function monthNumber(name: string): number | undefined {
	const lower = name.toLowerCase().replace(/\.$/u, '');
	if (lower === 'sept') return 9;
	if (lower.length < 3) return undefined;
	const index = MONTHS.findIndex((month) => month.startsWith(lower));
	return index === -1 ? undefined : index + 1;
}

const valid = (year: number, month: number, day: number) => {
	const iso = isoDate(year, month, day);
	return isIsoDate(iso) ? iso : undefined;
};

/** The ISO day a date value names, or undefined when it names none; a trailing remark (`(…)`) is ignored. */
export function parseLooseDate(text: string): string | undefined {
	const value = text.replace(/[*_`]/gu, '').replace(/\s*\(.*\)\s*$/u, '').trim().replace(/\.$/u, '');
	let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/u.exec(value);
	if (match) return valid(Number(match[1]), Number(match[2]), Number(match[3]));
	match = /^(\d{4})[-/](\d{1,2})$/u.exec(value);
	if (match) return valid(Number(match[1]), Number(match[2]), 1);
	match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/u.exec(value);
	if (match) {
		const month = monthNumber(match[2]!);
		return month ? valid(Number(match[3]), month, Number(match[1])) : undefined;
	}
	match = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(value);
	if (match) {
		const month = monthNumber(match[1]!);
		return month ? valid(Number(match[3]), month, Number(match[2])) : undefined;
	}
	match = /^([A-Za-z]+\.?),?\s+(\d{4})$/u.exec(value);
	if (match) {
		const month = monthNumber(match[1]!);
		return month ? valid(Number(match[2]), month, 1) : undefined;
	}
	return undefined;
}
