/**
 * Finds the labelled metadata of a document's header (and of its Overview-like section): in
 * paragraphs, list items, blockquotes and two-column tables. Each find can take itself out of the
 * document, which the importer does only for the values the Overview ends up holding.
 */
import type { List, Nodes, RootContent, Table } from 'mdast';
import { blockLines } from './edits.ts';
import { linesOf, span, type SourceDoc } from './doc.ts';
import { metadataKind, readLabelledLine, type MetadataKind } from './metadata.ts';

/** A labelled value found in the document. */
export interface Found {
	kind: MetadataKind;
	label: string;
	/** The value as written (Markdown kept). */
	value: string;
	/** Written as a Specbook field (`- **Label**: value`). */
	field: boolean;
	/** The list marker it was written with, for a list item (`-`, `*`, `+`). */
	bullet?: string;
	/** The label was written with its colon inside the bold (`**Label:** value`). */
	colonInside?: boolean;
	/** Marks it for removal; call apply() on the group afterwards. */
	take: () => void;
}

/** Strips one level of blockquote or list-item marker from a line. */
const QUOTE = /^\s{0,3}>\s?/u;
const ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/u;

/**
 * The metadata in `nodes`, and a function that applies the removals marked by `take()`: lines
 * out of paragraphs and quotes, items out of lists, rows out of tables, whole blocks when nothing
 * is left of them.
 */
export function findMetadata(doc: SourceDoc, nodes: readonly RootContent[], placement: ListPlacement = {}): { found: Found[]; apply: () => void } {
	const found: Found[] = [];
	const appliers: (() => void)[] = [];
	for (const node of nodes) {
		if (node.type === 'paragraph' || node.type === 'blockquote') appliers.push(lineBlock(doc, node, found, node.type === 'blockquote'));
		else if (node.type === 'list') appliers.push(listBlock(doc, node, found, placement));
		else if (node.type === 'table') appliers.push(tableBlock(doc, node, found));
	}
	return { found, apply: () => appliers.forEach((apply) => apply()) };
}

function lineBlock(doc: SourceDoc, node: Nodes, found: Found[], quoted: boolean): () => void {
	const { start, end } = span(node);
	const lines = linesOf(doc.body, start, end);
	const taken = new Set<number>();
	lines.forEach((line, index) => {
		const labelled = readLabelledLine(quoted ? line.text.replace(QUOTE, '').replace(ITEM, '') : line.text);
		const kind = labelled && metadataKind(labelled.label);
		if (!labelled || !kind || !labelled.value) return;
		found.push({ kind, label: labelled.label, value: labelled.value, field: false, take: () => taken.add(index) });
	});
	return () => {
		if (taken.size === 0) return;
		const kept = lines.filter((line, index) => !taken.has(index) && line.text.replace(QUOTE, '').trim());
		if (kept.length === 0) {
			const block = blockLines(doc.body, start, end);
			doc.edits.delete(block.start, block.end);
		} else for (const index of taken) doc.edits.delete(lines[index]!.start, lines[index]!.end);
	};
}

/** Where the items of a metadata list go when taken. */
export interface ListPlacement {
	/** A list whose every item goes leaves the blank lines around it (a field list takes its place). */
	keepBlankLines?: boolean;
	/**
	 * Where an item that says more than its value goes, whole (`- **Status**: Accepted` with a remark
	 * on its next lines or in a nested list): the offset of the Overview's heading, for an item in
	 * the Overview, where it would sit beside the field that now holds its value. Without it, the
	 * item stays where it is.
	 */
	remarksBefore?: number;
}

function listBlock(doc: SourceDoc, list: List, found: Found[], { keepBlankLines = false, remarksBefore }: ListPlacement): () => void {
	const taken = new Set<number>();
	const remarked = new Set<number>();
	list.children.forEach((item, index) => {
		const { start, end } = span(item);
		const [first = { text: '' }, ...rest] = linesOf(doc.body, start, end);
		const labelled = readLabelledLine(first.text.replace(ITEM, ''));
		const kind = labelled && metadataKind(labelled.label);
		if (!labelled || !kind) return;
		// A value on the next lines (`- **Authors**:` then a nested list) is one value, comma-separated.
		const value = labelled.value || rest.map((line) => line.text.replace(ITEM, '').trim()).filter(Boolean).join(', ');
		if (!value) return;
		// Lines after a value on the first line are the author's remark on it: the item is not removed.
		const remark = labelled.value !== '' && rest.some((line) => line.text.trim() !== '');
		const field = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\*\*|__)/u.test(first.text);
		const bullet = /^\s*([-*+])\s/u.exec(first.text)?.[1];
		const colonInside = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(\*\*|__)[^*_]+:\1/u.test(first.text);
		const take = () => (remark ? remarked : taken).add(index);
		found.push({ kind, label: labelled.label.replace(/[*_]/gu, '').trim(), value, field, ...(bullet ? { bullet } : {}), ...(colonInside ? { colonInside } : {}), take });
	});
	return () => {
		const moved = remarksBefore === undefined ? new Set<number>() : remarked;
		if (taken.size + moved.size === 0) return;
		const itemLines = (index: number) => linesOf(doc.body, span(list.children[index]!).start, span(list.children[index]!).end);
		const moving = [...moved].sort((a, b) => a - b).map((index) => {
			const lines = itemLines(index);
			return doc.body.slice(lines[0]!.start, lines[lines.length - 1]!.end).replace(/\n?$/u, '\n');
		});
		if (moving.length) doc.edits.insert(remarksBefore!, `${moving.join('')}\n`);
		if (taken.size + moved.size === list.children.length && !keepBlankLines) {
			const block = blockLines(doc.body, span(list).start, span(list).end);
			return doc.edits.delete(block.start, block.end);
		}
		for (const index of [...taken, ...moved]) {
			const lines = itemLines(index);
			doc.edits.delete(lines[0]!.start, lines[lines.length - 1]!.end);
		}
	};
}

/** Cells of a table row as written (`| a | b |` → `a`, `b`). */
export const cells = (row: string) => row.trim().replace(/^\||\|$/gu, '').split(/(?<!\\)\|/u).map((cell) => cell.trim());

function tableBlock(doc: SourceDoc, table: Table, found: Found[]): () => void {
	const { start, end } = span(table);
	const lines = linesOf(doc.body, start, end);
	// Line 1 is the delimiter row; the header row may hold a pair as much as any other row.
	const rows = lines.filter((_, index) => index !== 1);
	const taken = new Set<number>();
	rows.forEach((row, index) => {
		const [label = '', value = '', ...more] = cells(row.text);
		const kind = metadataKind(label);
		if (!kind || !value || more.some(Boolean)) return;
		found.push({ kind, label: label.replace(/[*_]/gu, '').trim(), value, field: false, take: () => taken.add(index) });
	});
	return () => {
		if (taken.size === 0) return;
		const kept = rows.filter((_, index) => !taken.has(index));
		const block = blockLines(doc.body, start, end);
		// Nothing left but a header (`| Field | Value |`): the table was all metadata.
		if (kept.length === 0 || (kept.length === 1 && !taken.has(0))) return doc.edits.delete(block.start, block.end);
		const columns = cells(lines[1]!.text).length;
		const delimiter = `|${' --- |'.repeat(columns)}`;
		const text = [kept[0]!.text, taken.has(0) ? delimiter : lines[1]!.text, ...kept.slice(1).map((row) => row.text)].join('\n');
		doc.edits.replace(lines[0]!.start, lines[lines.length - 1]!.end, `${text}\n`);
	};
}
