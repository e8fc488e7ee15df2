/**
 * The timeline tables of the guide, computed with the parser itself (parseTimeline and
 * resolveTimelines), so the dates the guide shows are the dates the site computes.
 */
import { parseTimeline, resolveTimelines, TIMELINE_FORMS, type ResolvedTimeline, type TimelineValue } from '../../core/timeline.ts';

/** One written Timeline value and what it means. */
export interface TimelineRow extends ResolvedTimeline {
	written: string;
	/** What the form means (for the forms' own examples). */
	meaning?: string;
}

/** A written value that is rejected, with the reason `npm run check` gives. */
export interface RejectedTimeline {
	written: string;
	reason: string;
}

/** More spellings beyond each form's own example. */
export const MORE_SPELLINGS = [
	'2027-01-04 -> 2027-02-12',
	'2027-01-04 to 2027-02-12',
	'2027-01-04 .. 2027-02-12',
	'2027-Q1',
	'Q4 2026 – Q1 2027',
	'2027-03',
	'March 2027',
	'Jan 2027 – Mar 2027',
	'Nov 2026 – Feb 2027',
	'1 week',
	'10 days',
	'2-3 weeks',
] as const;

/** A phase list showing how durations chain onto the phase before. */
export const CHAINED_PHASES = ['2027-01-04 → 2027-01-29', '3 weeks', '10 days', 'TBD', '2 weeks'] as const;

/** A phase list whose first phase is a duration: nothing dates it. */
export const UNDATED_PHASES = ['3 weeks', '2 weeks', 'Q3 2027', '4 weeks'] as const;

/** Values authors write that are not timelines. */
export const REJECTED = ['soon', 'early next year', '6 months', '2 sprints', 'Q5 2027', 'Nov–Feb 2027', '2027-02-30 → 2027-03-05', '2027-03-15', '1.5 weeks', 'TBD, waiting on legal'] as const;

function parse(text: string): TimelineValue | null {
	const parsed = parseTimeline(text);
	return parsed.ok ? parsed.value : null;
}

function alone(written: string): TimelineRow {
	return { written, ...resolveTimelines([parse(written)])[0]! };
}

/** Each accepted form with its own example, resolved as a phase on its own. */
export function formRows(): TimelineRow[] {
	return TIMELINE_FORMS.map(({ example, meaning }) => ({ ...alone(example), meaning }));
}

/** The other spellings, resolved as a phase on its own. */
export function spellingRows(values: readonly string[] = MORE_SPELLINGS): TimelineRow[] {
	return values.map(alone);
}

/** A spec's phases resolved together, as the roadmap and the JSON API show them. */
export function phaseRows(values: readonly string[]): TimelineRow[] {
	const resolved = resolveTimelines(values.map(parse));
	return values.map((written, index) => ({ written, ...resolved[index]! }));
}

/** Each rejected value with its reason. */
export function rejectedRows(values: readonly string[] = REJECTED): RejectedTimeline[] {
	return values.map((written) => {
		const parsed = parseTimeline(written);
		return { written, reason: parsed.ok ? '' : parsed.reason };
	});
}
