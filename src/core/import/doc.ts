/**
 * The source document the importer works on: its Markdown body parsed once (Sätteri, as the site
 * and `check` parse it), and the edits made to it (./edits.ts), with small readers of the tree.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { parseTree, toString } from '../document.ts';
import { collapseWhitespace } from '../text.ts';
import { EditedText, lineAt } from './edits.ts';

export interface SourceDoc {
	body: string;
	tree: Root;
	edits: EditedText;
}

/** Parses a Markdown (or, with `mdx`, MDX) body; MDX that does not parse is read as Markdown, as text. */
export function parseSourceDoc(body: string, mdx = false): SourceDoc {
	let tree: Root;
	try {
		tree = parseTree(body, 0, mdx);
	} catch {
		tree = parseTree(body, 0, false);
	}
	return { body, tree, edits: new EditedText(body) };
}

/** Where a node starts and ends in the body. */
export function span(node: Nodes): { start: number; end: number } {
	return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** A node's plain text (image alts included), white space collapsed, as the outline reads it. */
export const plainText = (node: Nodes): string => collapseWhitespace(toString(node));

/** The source lines of `[start, end)`, each with its offsets (line end excluded). */
export function linesOf(body: string, start: number, end: number): { text: string; start: number; end: number }[] {
	const lines: { text: string; start: number; end: number }[] = [];
	for (let at = lineAt(body, start).start; at < end; ) {
		const line = lineAt(body, at);
		const textEnd = body[line.end - 1] === '\n' ? line.end - 1 : line.end;
		lines.push({ text: body.slice(line.start, textEnd), start: line.start, end: line.end });
		if (line.end === at) break;
		at = line.end;
	}
	return lines;
}

/** Top-level nodes starting in `[start, end)`. */
export function nodesIn(tree: Root, start: number, end: number): RootContent[] {
	return tree.children.filter((node) => span(node).start >= start && span(node).start < end);
}

/** The text of a heading as written after its `#`s (Markdown kept), for names that keep their markup. */
export function headingSource(body: string, node: Nodes): string {
	const { start, end } = span(node);
	return body
		.slice(start, end)
		.split('\n')[0]!
		.replace(/^ {0,3}#{1,6}\s*/u, '')
		.replace(/\s+#+\s*$/u, '')
		.trim();
}
