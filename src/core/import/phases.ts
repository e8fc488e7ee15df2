/**
 * Phases as design docs write them, into the template's `### Phase N: Name` with Timeline and
 * Tasks fields: phase headings (`### Phase 1 — Name`, `### Phase 0: …`, `## Phase 2 (Q1 2026)`),
 * and phase tables (`| Phase | Scope | Days |`) or checkbox lists of phases. Timelines the grammar
 * can express (`Q1 2026`, `January 2026`) become the Timeline; any other (`Week 13-14`) stays in
 * the phase's text and the Timeline is TBD. Nothing is invented: a phase with no timeline text
 * gets no Timeline, and one with no list gets no Tasks.
 */
import type { Heading, List, RootContent, Table } from 'mdast';
import { parseTimeline } from '../timeline.ts';
import { normalizeLabel } from '../text.ts';
import { lineAt, blockLines } from './edits.ts';
import { linesOf, plainText, span, type SourceDoc } from './doc.ts';
import { cells } from './extract.ts';
import { cleanHeading, phaseHeading } from './headings.ts';
import { readLabelledLine, unwrapEmphasis } from './metadata.ts';

/** Labels whose value is a phase's timeline. */
const TIMELINE_LABELS = new Set(['timeline', 'duration', 'when', 'dates', 'target', 'eta', 'schedule', 'estimate']);
/** Table columns: the phase's name, its work, its time. */
const NAME_COLUMN = /^(?:phase|milestone|stage)s?$/iu;
const TASK_COLUMN = /^(?:scope|tasks?|deliverables?|description|work|goals?)$/iu;
const TIME_COLUMN = /^(?:timeline|when|dates?|duration|days|weeks|target|eta|estimate)$/iu;

/** The Timeline a phase gets from its written text: the text when the grammar reads it, else TBD. */
export function timelineFor(written: string): string {
	const text = unwrapEmphasis(written).replace(/^~\s*/u, '');
	return parseTimeline(text).ok ? text : 'TBD';
}

/** A `(…)` at the end of a phase heading's rest, and the name before it. */
function splitParenthetical(rest: string): { name: string; note?: string } {
	const match = /^(.*?)\s*\(([^()]+)\)\s*$/u.exec(rest);
	if (!match) return { name: rest };
	return { name: match[1]!.trim(), note: match[2]!.trim() };
}

/** The field lines of a generated or completed phase. */
const fieldLines = (timeline: string | undefined, tasks: string[] | undefined) =>
	[...(tasks?.length ? ['- **Tasks**:', ...tasks.map((task) => `  - ${task}`)] : []), ...(timeline ? [`- **Timeline**: ${timeline}`] : [])].join('\n');

/**
 * Rewrites the phase headings among `nodes` (depth 2 or 3) to `### Phase N: Name`, numbered from
 * `first`, and completes their fields; returns the number of phases written.
 */
export function convertPhaseHeadings(doc: SourceDoc, nodes: readonly RootContent[], first: number): number {
	let number = first;
	nodes.forEach((node, index) => {
		if (node.type !== 'heading' || node.depth > 3) return;
		const phase = phaseHeading(plainText(node));
		if (!phase) return;
		const end = nodes.findIndex((later, at) => at > index && later.type === 'heading' && later.depth <= 3);
		const content = nodes.slice(index + 1, end === -1 ? undefined : end);
		// `Phase 2 (Q1 2026)` has no name but its timeline: that text names it. A note the timeline
		// grammar cannot read (`(Weeks 1-2)`) stays in the name, the phase's own text.
		const split = splitParenthetical(phase.rest);
		const note = split.note && timelineFor(split.note) !== 'TBD' ? split.note : undefined;
		const name = note ? split.name : phase.rest;
		const heading = `### Phase ${number}: ${name || note || cleanHeading(plainText(node))}`;
		// A heading already in the template's form, with the right number, stays as written (case, closing #s).
		const written = /^phase\s+(\d+)\s*[:.)\-–—]\s*\S/iu.exec(plainText(node));
		if (node.depth !== 3 || Number(written?.[1]) !== number) {
			const line = lineAt(doc.body, span(node).start);
			doc.edits.replace(line.start, lineAt(doc.body, span(node).end - 1).end, `${heading}\n`);
		}
		// A note that reads like a time (`Weeks 1-2`) still tells that the phase has a timeline: TBD.
		completePhase(doc, node, content, note ?? (split.note && /\d|\b(?:weeks?|days?|months?|quarters?|sprints?|tbd)\b/iu.test(split.note) ? split.note : undefined));
		number++;
	});
	return number - first;
}

/** Adds the Timeline and Tasks a phase's own text gives, where the phase has no such field yet. */
function completePhase(doc: SourceDoc, heading: Heading, content: readonly RootContent[], headingNote: string | undefined): void {
	const lists = content.filter((node): node is List => node.type === 'list');
	const fieldLabel = (item: List['children'][number]) => {
		const first = linesOf(doc.body, span(item).start, span(item).end)[0]?.text ?? '';
		const bold = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\*\*|__)/u.test(first);
		const labelled = readLabelledLine(first.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/u, ''));
		return bold && labelled ? { label: normalizeLabel(labelled.label.replace(/[*_]/gu, '')), value: labelled.value, line: linesOf(doc.body, span(item).start, span(item).end)[0]! } : undefined;
	};
	const fields = lists.flatMap((list) => list.children.flatMap((item) => fieldLabel(item) ?? []));
	const timelineField = fields.find((field) => field.label === 'timeline');
	const added: string[] = [];
	if (timelineField) {
		// A Timeline the grammar cannot read: TBD, and the text kept beside it as plain (not a field).
		if (timelineFor(timelineField.value) === 'TBD' && !/^tbd$/iu.test(unwrapEmphasis(timelineField.value))) {
			const indent = /^\s*/u.exec(timelineField.line.text)![0];
			doc.edits.replace(timelineField.line.start, timelineField.line.end, `${indent}- **Timeline**: TBD\n${indent}- Timeline: ${timelineField.value}\n`);
		}
	} else {
		const written = content.flatMap((node) =>
			node.type === 'paragraph' || node.type === 'list'
				? linesOf(doc.body, span(node).start, span(node).end).flatMap((line) => {
						const labelled = readLabelledLine(line.text.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/u, ''));
						return labelled && TIMELINE_LABELS.has(normalizeLabel(labelled.label.replace(/[*_]/gu, ''))) && labelled.value ? [{ value: labelled.value, line, node }] : [];
					})
				: []
		)[0];
		const text = written?.value ?? headingNote;
		if (text) {
			const timeline = timelineFor(text);
			added.push(`- **Timeline**: ${timeline}`);
			// A line whose timeline the field now holds goes; one the grammar cannot read stays, as the phase's text.
			if (written && timeline !== 'TBD') {
				const alone = linesOf(doc.body, span(written.node).start, span(written.node).end).length === 1;
				const lines = alone ? blockLines(doc.body, span(written.node).start, span(written.node).end) : written.line;
				doc.edits.delete(lines.start, lines.end);
			}
		}
	}
	if (!fields.some((field) => field.label === 'tasks')) {
		// The phase's first list that is not made of fields holds its tasks.
		const tasks = lists.find((list) => list.children.some((item) => !fieldLabel(item)));
		if (tasks) {
			const lines = linesOf(doc.body, span(tasks).start, span(tasks).end);
			const nested = lines.map((line) => (line.text.trim() ? `  ${line.text}` : line.text)).join('\n');
			doc.edits.replace(lines[0]!.start, lines[lines.length - 1]!.end, `- **Tasks**:\n${nested}\n`);
		}
	}
	if (added.length === 0) return;
	const after = lineAt(doc.body, span(heading).start).end;
	const next = lineAt(doc.body, after);
	const blank = !doc.body.slice(next.start, next.end).trim();
	doc.edits.insert(after, `${added.join('\n')}\n${blank ? '' : '\n'}`);
}

/** A phase read from a table row or a checkbox item. */
interface ListedPhase {
	name: string;
	tasks: string[];
	timeline?: string;
}

/** Phases written as a table (`| Phase | Scope | Days |`) or a checkbox list of `Phase N: …` items. */
export function listedPhases(doc: SourceDoc, node: RootContent): ListedPhase[] {
	if (node.type === 'table') return tablePhases(doc, node);
	if (node.type !== 'list') return [];
	const phases: ListedPhase[] = [];
	for (const item of node.children) {
		const [first, ...rest] = item.children;
		const phase = first?.type === 'paragraph' && item.checked !== null && item.checked !== undefined ? phaseHeading(plainText(first)) : undefined;
		if (!phase) return [];
		const { name, note } = splitParenthetical(phase.rest);
		const tasks = rest.flatMap((child) => (child.type === 'list' ? child.children.map((task) => plainText(task)) : []));
		phases.push({ name: name || `Phase ${phase.number}`, tasks, ...(note ? { timeline: timelineFor(note) } : {}) });
	}
	return phases;
}

function tablePhases(doc: SourceDoc, table: Table): ListedPhase[] {
	const lines = linesOf(doc.body, span(table).start, span(table).end);
	const header = cells(lines[0]!.text).map((cell) => cell.replace(/[*_]/gu, '').trim());
	const nameAt = header.findIndex((cell) => NAME_COLUMN.test(cell));
	if (nameAt === -1) return [];
	const taskAt = header.findIndex((cell) => TASK_COLUMN.test(cell));
	const timeAt = header.findIndex((cell) => TIME_COLUMN.test(cell));
	return lines.slice(2).flatMap((line) => {
		const row = cells(line.text);
		const written = row[nameAt] ?? '';
		if (!written) return [];
		const phase = phaseHeading(written);
		const name = phase ? phase.rest || written : /^\d+$/u.test(written) ? (row[taskAt] ?? written) : written;
		let time = timeAt === -1 ? '' : (row[timeAt] ?? '');
		// `| Days |` and `| Weeks |` columns hold counts: the unit is in the header.
		if (/^\d+(?:\s*[-–]\s*\d+)?$/u.test(time) && /^(?:days|weeks)$/iu.test(header[timeAt] ?? '')) time = `${time} ${header[timeAt]!.toLowerCase()}`;
		return [{ name, tasks: taskAt === -1 || !row[taskAt] ? [] : [row[taskAt]!], ...(time ? { timeline: timelineFor(time) } : {}) }];
	});
}

/** Writes listed phases as `### Phase N: Name` sections after the block that lists them (which stays). */
export function writeListedPhases(doc: SourceDoc, node: RootContent, phases: readonly ListedPhase[], first: number): void {
	const at = blockLines(doc.body, span(node).start, span(node).end).end;
	const text = phases.map((phase, index) => `### Phase ${first + index}: ${phase.name}\n${fieldLines(phase.timeline, phase.tasks)}\n`).join('\n');
	const before = doc.body.slice(0, at).endsWith('\n\n') ? '' : '\n';
	doc.edits.insert(at, `${before}${text}\n`);
}
