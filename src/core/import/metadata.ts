/**
 * Labelled metadata in every form design docs use: `**Status**: Draft`, `**Status:** Draft`, a
 * plain `Status: Accepted` line, `* Status: **Implemented (Swift 5.0)**`, a table row
 * `| **Author(s)** | … |`, a blockquote `> **Status**: Draft`, YAML keys (`creation-date`). Only the
 * labels whose values the Overview takes are known here; other labels (Reviewers, Sponsor…) stay.
 */

/** What a known label holds. */
export type MetadataKind = 'feature' | 'status' | 'authors' | 'date';

/** Labels (normalised: lower case, `-`/`_` as spaces, `(s)` dropped) by what they hold. */
const LABELS: Readonly<Record<string, MetadataKind>> = {
	feature: 'feature',
	'feature name': 'feature',
	status: 'status',
	state: 'status',
	author: 'authors',
	authors: 'authors',
	owner: 'authors',
	owners: 'authors',
	'authored by': 'authors',
	'created by': 'authors',
	'last updated': 'date',
	'last update': 'date',
	'last modified': 'date',
	updated: 'date',
	'updated on': 'date',
	date: 'date',
	created: 'date',
	'creation date': 'date',
	'date created': 'date',
	'start date': 'date',
};

/** A label as compared: emphasis, `(s)`, separators and case set aside. */
export function normalizeMetadataLabel(label: string): string {
	return label
		.replace(/[*_`]/gu, ' ')
		.replace(/\(s\)/giu, 's')
		.replace(/[-\s]+/gu, ' ')
		.trim()
		.toLowerCase();
}

/** What a label holds, if the Overview takes it. */
export function metadataKind(label: string): MetadataKind | undefined {
	return LABELS[normalizeMetadataLabel(label)];
}

/** One labelled line: its label and its value as written (Markdown kept, emphasis around the whole value dropped). */
export interface LabelledLine {
	label: string;
	value: string;
}

/**
 * Reads `Label: value` from one line of a paragraph, list item or blockquote (its marker already
 * removed), in any of the bold forms; undefined when the line is no labelled line.
 */
export function readLabelledLine(line: string): LabelledLine | undefined {
	const match = /^(\*\*|__|\*|_)?([^*_:|`[\]\n]{1,40}?)(?:\1)?\s*:\s*(?:\1(?=\s|$))?\s*(.*)$/u.exec(line.trim());
	if (!match) return undefined;
	const label = match[2]!.trim();
	if (!label || /^https?$/iu.test(label)) return undefined;
	const value = match[3]!.replace(/(?: {2,}|\\)$/u, '').trim();
	return { label, value };
}

/** A value without emphasis around the whole of it (`**Implemented**` → `Implemented`). */
export function unwrapEmphasis(value: string): string {
	const match = /^(\*\*|__|\*|_)(.+)\1$/u.exec(value.trim());
	return match ? match[2]!.trim() : value.trim();
}
