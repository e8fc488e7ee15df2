/**
 * `npm run check -- --fix`: the fixes that are safe and unambiguous, as edits of the source text
 * at the positions the parser gives, so that nothing else in the file changes (line ends, BOM,
 * frontmatter, every other character). It fixes problems, not style: only what `check` reports
 * as one of FIXABLE_CODES, and only when there is one reading of what was meant.
 */
import { withoutExcessiveBlocks } from './analyze.ts';
import { isIsoDate, oneDayDates } from './dates.ts';
import type { DiagnosticCode } from './diagnostics.ts';
import { parseDocument, type Field } from './document.ts';
import type { Position } from './model.ts';
import { buildCandidate, type NearMiss, type OutlineResult } from './outline.ts';
import { phaseReferences } from './schedule.ts';
import { templateOutline } from './schema.ts';
import { LineIndex, splitSource } from './source.ts';
import { STATUSES } from './statuses.ts';
import { isPlaceholder, nearestMatches } from './text.ts';
import { parseTimeline } from './timeline.ts';
import { parseStatus } from './values.ts';

/** The problems `--fix` may fix, named by the diagnostic `check` reports for each. */
export const FIXABLE_CODES = ['label-typo', 'section-typo', 'section-decorated', 'status-invalid', 'date-invalid', 'timeline-invalid', 'phase-numbering'] as const satisfies readonly DiagnosticCode[];
export type FixCode = (typeof FIXABLE_CODES)[number];

/** One change made to a file. */
export interface Fix {
	/** 1-based line and column of the changed text. */
	line: number;
	column: number;
	/** The diagnostic the change fixes. */
	code: FixCode;
	/** The text as it was, and as it is now. */
	from: string;
	to: string;
}

/** `text` in place of `source.slice(start, end)`, and the fix it makes. */
interface Edit {
	start: number;
	end: number;
	text: string;
	fix: Fix;
}

const OUTLINE = templateOutline();
/** A fix can reveal another (a section read once its heading is fixed holds a misspelled label): a few rounds reach the end. */
const MAX_ROUNDS = 8;

/**
 * The file with every safe fix applied, and the fixes in order. Running it on its own output
 * changes nothing. `path` is the spec's path (its extension says whether it is MDX).
 */
export function fixSource(source: string, path: string): { source: string; fixes: Fix[] } {
	// The BOM is no part of the text positions count in (see splitSource); it is put back as it was.
	const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
	let text = source.slice(bom.length);
	const fixes: Fix[] = [];
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const edits = findEdits(text, path);
		if (edits.length === 0) break;
		for (const edit of edits.toReversed()) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
		fixes.push(...edits.map((edit) => edit.fix));
	}
	return { source: bom + text, fixes: fixes.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** The edits one reading of `text` (without BOM) calls for, in order, none overlapping. */
function findEdits(text: string, path: string): Edit[] {
	const split = splitSource(text);
	if (split.unclosed) return [];
	const mdx = /\.mdx$/iu.test(path);
	let outline: OutlineResult;
	try {
		const document = parseDocument(withoutExcessiveBlocks(split.body, split.bodyLineOffset, mdx).body, split.bodyLineOffset, { mdx });
		outline = buildCandidate(document, OUTLINE, path);
	} catch {
		// Invalid MDX: check reports it, and there is no outline to fix.
		return [];
	}
	const source = new SourceText(text);
	const edits = [...nearMissEdits(outline, source), ...valueEdits(outline, source), ...phaseEdits(outline, source)].sort((a, b) => a.start - b.start);
	return edits.filter((edit, index) => index === 0 || edit.start >= edits[index - 1]!.end);
}

/** Misspelled, numbered or emoji headings and labels, each with one meaning that nothing else in its section already has. */
function nearMissEdits(outline: OutlineResult, source: SourceText): Edit[] {
	const meanings = new Map<string, number>();
	for (const miss of outline.nearMisses) meanings.set(miss.path, (meanings.get(miss.path) ?? 0) + 1);
	return outline.nearMisses.flatMap((miss) => {
		// Two near misses of one name, or a near miss of a name also written right: which one is meant is the author's call.
		// (A heading read as its section is what makes that section present.)
		if (!miss.unique || meanings.get(miss.path)! > 1 || (!miss.readAsMeant && isPresent(outline, miss.path))) return [];
		const edit = miss.code === 'label-typo' ? labelEdit(miss, source) : headingEdit(miss, source);
		return edit ? [edit] : [];
	});
}

function isPresent(outline: OutlineResult, path: string): boolean {
	if (outline.fields.has(path)) return true;
	let value: unknown = outline.candidate;
	for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
	return value !== undefined;
}

/** `## 1. Overview` → `## Overview`: the heading's text as written is replaced; a heading with inline markup is left alone. */
function headingEdit(miss: NearMiss, source: SourceText): Edit | undefined {
	const line = source.line(miss.position.line);
	const match = /^( {0,3}#{1,6}[ \t]+)(.*?)(?:[ \t]+#+)?[ \t]*$/u.exec(line?.text ?? '');
	if (!line || !match || match[2] !== miss.written) return undefined;
	return source.edit(line.start + match[1]!.length, miss.written, miss.meant, miss.code);
}

/** `**Problem Statment**` → `**Problem Statement**`, where the label starts right after its `**` or `__`. */
function labelEdit(miss: NearMiss, source: SourceText): Edit | undefined {
	const start = source.offset(miss.position);
	if (start === undefined || !/^(?:\*\*|__)$/u.test(source.text.slice(start, start + 2))) return undefined;
	return source.edit(start + 2, miss.written, miss.meant, miss.code);
}

/** A near-miss Status, and dates written in a form that names one day where the template wants YYYY-MM-DD. */
function valueEdits(outline: OutlineResult, source: SourceText): Edit[] {
	const edits: (Edit | undefined)[] = [];
	const status = outline.fields.get('overview.status');
	if (status && !parseStatus(status.text) && !isPlaceholder(status.text)) {
		const suggestions = nearestMatches(status.text, STATUSES);
		if (suggestions.length === 1) edits.push(valueEdit(status, status.text, suggestions[0]!, 'status-invalid', source));
	}
	const lastUpdated = outline.fields.get('overview.lastUpdated');
	if (lastUpdated && !isIsoDate(lastUpdated.text)) {
		const [date, ...more] = oneDayDates(lastUpdated.text);
		if (date && more.length === 0 && date.length === lastUpdated.text.length) edits.push(valueEdit(lastUpdated, lastUpdated.text, date.iso, 'date-invalid', source));
	}
	for (const [path, timeline] of outline.fields) {
		if (!/^implementation\.phases\.\d+\.timeline$/u.test(path) || parseTimeline(timeline.text).ok) continue;
		// `2027/01/04 → 2027/02/12`: fixed only when the result is a timeline.
		let fixed = timeline.text;
		for (const date of oneDayDates(timeline.text).toReversed()) fixed = fixed.slice(0, date.index) + date.iso + fixed.slice(date.index + date.length);
		if (fixed !== timeline.text && parseTimeline(fixed).ok) edits.push(valueEdit(timeline, timeline.text, fixed, 'timeline-invalid', source));
	}
	return edits.filter((edit) => edit !== undefined);
}

/** Replaces `from` inside a field's value, where it is written once as such (not split by markup). */
function valueEdit(field: Field, from: string, to: string, code: FixCode, source: SourceText): Edit | undefined {
	const start = source.offset(field.valuePosition);
	if (start === undefined || source.text.slice(start, start + field.markdown.length) !== field.markdown) return undefined;
	const at = field.markdown.indexOf(from);
	if (at === -1 || field.markdown.indexOf(from, at + 1) !== -1) return undefined;
	return source.edit(start + at, from, to, code);
}

/**
 * Phase headings renumbered 1, 2, 3… in order. Left alone when a phase heading is malformed (it
 * would take a number once fixed) or when renumbering would change which phase a dependency's
 * `Phase N` names.
 */
function phaseEdits(outline: OutlineResult, source: SourceText): Edit[] {
	const phases = ((outline.candidate['implementation'] as { phases?: { number: number; dependencies?: unknown }[] } | undefined)?.phases ?? []);
	if (phases.every((phase, index) => phase.number === index + 1)) return [];
	if (outline.findings.some(({ diagnostic }) => diagnostic.code === 'phase-heading')) return [];
	const named = phases.flatMap((phase) => (Array.isArray(phase.dependencies) ? phase.dependencies.flatMap((item: string) => phaseReferences(item)) : []));
	for (const number of named) {
		const before = phases.flatMap((phase, index) => (phase.number === number ? [index] : []));
		const kept = before.length === 0 ? number > phases.length : before.length === 1 && before[0] === number - 1;
		if (!kept) return [];
	}
	const edits: Edit[] = [];
	for (const [index, phase] of phases.entries()) {
		if (phase.number === index + 1) continue;
		const line = source.line(outline.positions.get(`implementation.phases.${index}`)?.line ?? 0);
		const match = /^( {0,3}#{1,6}[ \t]+)(phase[ \t]+)(\d+)/iu.exec(line?.text ?? '');
		if (!line || !match) return [];
		const [, marker = '', word = '', number = ''] = match;
		const edit = source.edit(line.start + marker.length + word.length, number, String(index + 1), 'phase-numbering');
		if (!edit) return [];
		// Reported as the heading's `Phase N`, from where it starts.
		edits.push({ ...edit, fix: { ...edit.fix, ...source.position(line.start + marker.length), from: `Phase ${number}`, to: `Phase ${index + 1}` } });
	}
	return edits;
}

/** The text being fixed, read by position. */
class SourceText {
	readonly text: string;
	readonly #lines: LineIndex;

	constructor(text: string) {
		this.text = text;
		this.#lines = new LineIndex(text);
	}

	offset(position: Position): number | undefined {
		return this.#lines.offset(position);
	}

	/** A 1-based line's text (without its line end) and where it starts. */
	line(line: number): { start: number; text: string } | undefined {
		const start = this.#lines.offset({ line, column: 1 });
		if (start === undefined) return undefined;
		const end = /[\r\n]|$/gu;
		end.lastIndex = start;
		return { start, text: this.text.slice(start, end.exec(this.text)!.index) };
	}

	position(offset: number): Position {
		return this.#lines.at(offset);
	}

	/** Replacing `from`, written at `start`, by `to`; undefined unless `from` is written there as such. */
	edit(start: number, from: string, to: string, code: FixCode): Edit | undefined {
		if (this.text.slice(start, start + from.length) !== from) return undefined;
		return { start, end: start + from.length, text: to, fix: { ...this.#lines.at(start), code, from, to } };
	}
}
