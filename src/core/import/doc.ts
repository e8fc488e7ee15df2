/**
 * The source document the importer works on: its Markdown body parsed once (Sätteri, as the site
 * and `check` parse it), and the edits made to it (./edits.ts), with small readers of the tree.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { collapseWhitespace } from '../text.ts';
import { EditedText, lineAt } from './edits.ts';

export interface SourceDoc {
	body: string;
	tree: Root;
	edits: EditedText;
}

/** Parses a Markdown (or, with `mdx`, MDX) body; MDX that does not parse is read as Markdown, as text. */
export function parseSourceDoc(body: string, mdx = false): SourceDoc {
	// Frontmatter is split off before: a `---` block at the top of the body is content.
	const features = { frontmatter: false };
	let tree: Root;
	try {
		tree = (mdx ? mdxToMdast(body, { features }) : markdownToMdast(body, { features })) as Root;
	} catch {
		tree = markdownToMdast(body, { features }) as Root;
	}
	return { body, tree, edits: new EditedText(body) };
}

/** Where a node starts and ends in the body. */
export function span(node: Nodes): { start: number; end: number } {
	return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** A node's plain text (image alts included), white space collapsed. */
export function plainText(node: Nodes): string {
	const parts: string[] = [];
	const visit = (child: Nodes) => {
		if (child.type === 'image') parts.push(child.alt ?? '');
		else if ('value' in child && typeof child.value === 'string') parts.push(child.value);
		if ('children' in child) for (const inner of child.children) visit(inner as Nodes);
		if (child.type === 'paragraph' || child.type === 'listItem' || child.type === 'tableCell') parts.push(' ');
	};
	visit(node);
	return collapseWhitespace(parts.join(''));
}

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
