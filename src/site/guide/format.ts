/**
 * The format reference (/guide/format/), read off the schema's outline so it lists exactly the
 * sections and labels `npm run check` knows, with what each status requires of them. The status
 * rules are the contract's (DESIGN.md §2); test/unit/guide-reference.test.ts checks them against
 * the analyser, field by field.
 */
import type { OutlineField, OutlineSection } from '../../core/schema.ts';
import type { Status } from '../../core/model.ts';
import { slugify } from '../../core/text.ts';
import { FEATURE_MAX_LENGTH } from '../../core/limits.ts';

/** What one status asks of a section or field: shown as is, e.g. `required` or `optional`. */
export type Requirements = Record<Status, string>;

/** A labelled field, as the reference shows it. */
export interface FormatField {
	label: string;
	/** Other spellings the parser accepts. */
	aliases: string[];
	/** The template's placeholder, e.g. `[Feature name]`. */
	placeholder: string;
	/** What the value must be (may hold `code` spans). */
	value: string;
	requirements: Requirements;
}

/** A heading of the template, with its fields. */
export interface FormatSection {
	title: string;
	/** The heading's `id` on the reference page. */
	anchor: string;
	depth: 2 | 3;
	/** The heading as written in a spec, e.g. `## Overview` or `### Phase N: Name`. */
	heading: string;
	/** Path of titles, e.g. `Architecture › System Design`. */
	path: string;
	requirements: Requirements;
	fields: FormatField[];
	/** One more sentence about the heading (may hold `code` spans). */
	note?: string;
	/** For Rollout Plan: the ordered list of steps and its placeholder. */
	steps?: { placeholder: string; requirements: Requirements };
}

const ALWAYS: Requirements = { Draft: 'required', 'In Review': 'required', Approved: 'required' };
const FROM_REVIEW: Requirements = { Draft: 'optional', 'In Review': 'required', Approved: 'required' };

/** Value rules of the fields that have more than "free text", by label. */
const VALUES: Record<string, string> = {
	Feature: `Plain text, at most ${FEATURE_MAX_LENGTH} characters, unique across all specs.`,
	'Author(s)': 'Names separated by commas or “and”; each may carry an e-mail `<ana@example.com>` or a handle `@ana`.',
	'Last Updated': 'A real date written `YYYY-MM-DD`, not in the future.',
	Status: '`Draft`, `In Review` or `Approved`, in any letter case.',
};

/** Value rules of a phase's fields (their labels also occur elsewhere, e.g. Deployment › Dependencies). */
const PHASE_VALUES: Record<string, string> = {
	Tasks: 'A nested list, one item per task; an inline value counts as one task.',
	Dependencies: 'A nested list, one item per dependency, or `None`. Link another spec by its file to have its dates checked.',
	Timeline: 'One of the timeline forms (a date range, quarters, months, a duration) or `TBD`.',
};

const PHASE_REQUIREMENTS: Record<string, Requirements> = {
	Tasks: { Draft: 'optional', 'In Review': 'at least one', Approved: 'at least one' },
	Timeline: { Draft: 'optional', 'In Review': 'TBD allowed', Approved: 'not TBD' },
};

const FREE_TEXT = 'Free text. Markdown is kept; the value may run over several lines, paragraphs or a nested list.';

function field(source: OutlineField, overview: boolean, phase = false): FormatField {
	const value = (phase ? PHASE_VALUES[source.label] : VALUES[source.label]) ?? FREE_TEXT;
	const requirements = (phase ? PHASE_REQUIREMENTS[source.label] : undefined) ?? (overview ? ALWAYS : FROM_REVIEW);
	return {
		label: source.label,
		aliases: source.aliases,
		placeholder: source.placeholder,
		value,
		requirements,
	};
}

/** Every heading of the template in reading order, H2s followed by their H3s. */
export function formatReference(outline: readonly OutlineSection[]): FormatSection[] {
	const result: FormatSection[] = [];
	const anchors = new Map<string, number>();
	const anchor = (title: string) => {
		const slug = slugify(title);
		const seen = anchors.get(slug) ?? 0;
		anchors.set(slug, seen + 1);
		return seen ? `${slug}-${seen}` : slug;
	};
	for (const section of outline) {
		const overview = section.key === 'overview';
		result.push({
			title: section.title,
			anchor: anchor(section.title),
			depth: 2,
			heading: `## ${section.title}`,
			path: section.title,
			requirements: overview ? ALWAYS : FROM_REVIEW,
			fields: section.fields.map((entry) => field(entry, overview)),
		});
		if (section.phaseFields) {
			result.push({
				title: 'Phase N: Name',
				anchor: anchor('phases'),
				depth: 3,
				heading: '### Phase N: Name',
				path: `${section.title} › Phase N`,
				requirements: { Draft: 'optional', 'In Review': 'at least one phase', Approved: 'at least one phase' },
				note: 'Phases are numbered from 1 without gaps: `### Phase 1: Foundations`, `### Phase 2: Retry worker`, …',
				fields: section.phaseFields.map((entry) => field(entry, false, true)),
			});
		}
		for (const subsection of section.subsections) {
			result.push({
				title: subsection.title,
				anchor: anchor(subsection.title),
				depth: 3,
				heading: `### ${subsection.title}`,
				path: `${section.title} › ${subsection.title}`,
				requirements: FROM_REVIEW,
				fields: subsection.fields.map((entry) => field(entry, overview)),
				...(subsection.steps
					? { steps: { placeholder: '[Step 1]', requirements: { Draft: 'optional', 'In Review': 'at least one step', Approved: 'at least one step' } } }
					: {}),
			});
		}
	}
	return result;
}
