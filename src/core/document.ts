/**
 * Markdown body → the template's outline: H2 sections, H3 subsections, labelled fields and plain
 * lists, each with source positions. No template knowledge here beyond "a field is a list item
 * that starts with a bold label"; the schema decides what the outline means.
 *
 * The body is parsed by Sätteri, the engine Astro 7 renders Markdown and MDX with, so what we
 * validate is exactly what the site shows (GFM, MDX syntax, nesting limits); it is also fast
 * enough for multi-megabyte files.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Heading, List, ListItem, Nodes, Root, RootContent, Text } from 'mdast';
import type { CodeBlockReference } from './code-meta.ts';
import type { Position } from './model.ts';
import { LineIndex } from './source.ts';
import { collapseWhitespace } from './text.ts';

/** One item of a list (a task, a dependency, a rollout step). */
export interface ListEntry {
	/** Plain text, Markdown stripped, white space collapsed. */
	text: string;
	position: Position;
	/** Link targets inside the item, as written. */
	links: string[];
	/** For a section's own items: whether its list is numbered. */
	ordered?: boolean;
	/** A paragraph of a field's value, not an item of a list in it. */
	paragraph?: boolean;
}

/** A labelled field: `- **Label**: value`. */
export interface Field {
	/** The label as written, without emphasis or trailing colon. */
	label: string;
	labelPosition: Position;
	/** The whole value as plain text (inline part, continuation paragraphs and nested lists). */
	text: string;
	/** The value's Markdown source as written, trimmed. */
	markdown: string;
	/** Plain text of the first paragraph's remainder after the label (the "inline value"). */
	inline: string;
	/** Where the value starts (the label's position when the value is empty). */
	valuePosition: Position;
	/** Items of nested lists inside the field's list item, in order. */
	items: ListEntry[];
	/** Link targets anywhere in the value. */
	links: string[];
	/** The label as written when it is `**Label:**value`, which Markdown shows with its asterisks, not bold. */
	notBold?: string;
}

/** An H2 or H3 heading with what follows it up to the next heading of the same or higher rank. */
export interface Section {
	/** Heading text as plain text. */
	title: string;
	depth: number;
	position: Position;
	fields: Field[];
	/**
	 * Every item of the section's own lists, fields included, in order (e.g. the Rollout Plan
	 * steps, which may well start with bold text: `1. **Canary**: 1% of traffic`).
	 */
	entries: ListEntry[];
	/** H3 subsections (for H2 sections). */
	subsections: Section[];
}

/** Raw HTML or JSX found in the body, for the safety checks. */
export interface HtmlFragment {
	value: string;
	position: Position;
	/**
	 * The file column where each line of `value` starts (the first is `position.column`): inside a
	 * list item or a block quote the parser strips the indentation and `>` markers from the value.
	 */
	lineColumns: number[];
}

/** A link or image anywhere in the body, or the URL of a reference definition (`[id]: url`). */
export interface LinkReference {
	url: string;
	position: Position;
	kind: 'link' | 'image' | 'definition';
}

/** A container directive (`:::note{icon="rocket"}`), which the site turns into a Starlight aside. */
export interface DirectiveReference {
	name: string;
	attributes: Record<string, string>;
	position: Position;
}

/** The body's outline. */
export interface SpecDocument {
	sections: Section[];
	/** Every heading (any depth) as plain text, for anchors. */
	headings: { depth: number; text: string; position: Position }[];
	links: LinkReference[];
	/** Reference definitions (`[id]: url "title"`), located at their URL, used or not. */
	definitions: LinkReference[];
	html: HtmlFragment[];
	/** Line count of the body plus the frontmatter offset: the last line of the file. */
	lastLine: number;
	/** How deep the syntax tree goes (root = 0), and where its deepest node starts. */
	depth: { levels: number; position: Position };
	/** Fenced code blocks: their meta, which Expressive Code reads marks from. */
	codeBlocks: CodeBlockReference[];
	/** Container directives, as the site parses them (it turns on directives; the outline does not). */
	directives: DirectiveReference[];
}

/** The body is not valid MDX (Markdown never fails to parse). */
export class MarkdownSyntaxError extends Error {
	readonly reason: string;
	readonly position: Position;

	constructor(reason: string, position: Position) {
		super(reason);
		this.reason = reason;
		this.position = position;
	}
}

/** Parses a Markdown (or MDX) body whose first line is line `lineOffset + 1` of the file. */
export function parseDocument(body: string, lineOffset = 0, options: { mdx?: boolean } = {}): SpecDocument {
	const lines = new LineIndex(body, lineOffset);
	const tree = outlineTree(body, lineOffset, options.mdx === true);
	const positionOf = (node: Nodes): Position => ({
		line: (node.position?.start.line ?? 1) + lineOffset,
		column: node.position?.start.column ?? 1,
	});

	const document: SpecDocument = {
		sections: [],
		headings: [],
		links: [],
		definitions: [],
		html: [],
		lastLine: lines.lineCount + lineOffset,
		depth: treeDepth(tree, positionOf),
		codeBlocks: [],
		directives: collectDirectives(body, lineOffset, options.mdx === true, positionOf),
	};
	collectInline(tree, document, positionOf, body, lines);

	let section: Section | undefined;
	let subsection: Section | undefined;
	for (const node of tree.children) {
		if (node.type === 'heading') {
			if (node.depth === 1) {
				section = subsection = undefined;
			} else if (node.depth === 2) {
				section = newSection(node, positionOf);
				subsection = undefined;
				document.sections.push(section);
			} else if (node.depth === 3 && section) {
				subsection = newSection(node, positionOf);
				section.subsections.push(subsection);
			}
			continue;
		}
		const target = subsection ?? section;
		if (target && node.type === 'list') addList(node, target, body, lines, positionOf);
	}
	return document;
}

/** A line that may open a container directive (`:::name`). */
const CONTAINER_DIRECTIVE = /^[ \t>*+\-\d.)]*:::/mu;

/**
 * Container directives, from a second parse with directives on, as Starlight parses the page; only
 * when a line may open one. The outline keeps its own parse: with directives on, an aside would
 * hide the fields inside it, which `check` has always read.
 */
function collectDirectives(body: string, lineOffset: number, mdx: boolean, positionOf: (node: Nodes) => Position): DirectiveReference[] {
	if (!CONTAINER_DIRECTIVE.test(body)) return [];
	const tree = parseTree(body, lineOffset, mdx, { directive: true });
	const directives: DirectiveReference[] = [];
	walk(tree, (node) => {
		const candidate = node as Nodes | { type: 'containerDirective'; name: string; attributes?: Record<string, string | null | undefined> | null };
		if (candidate.type !== 'containerDirective') return;
		const attributes: Record<string, string> = {};
		for (const [key, value] of Object.entries(candidate.attributes ?? {})) if (typeof value === 'string') attributes[key] = value;
		directives.push({ name: candidate.name, attributes, position: positionOf(node) });
	});
	return directives;
}

/**
 * The tree the outline reads. An `.mdx` aside with attributes (`:::note{title="x" icon="y"}`) is
 * a syntax error to MDX without directives, which read the braces as an expression; the site
 * parses it with directives on, so the outline does then too, reading each aside's content as if
 * it stood in the aside's place.
 */
function outlineTree(body: string, lineOffset: number, mdx: boolean): Root {
	try {
		return parseTree(body, lineOffset, mdx);
	} catch (error) {
		if (!(error instanceof MarkdownSyntaxError) || !mdx || !CONTAINER_DIRECTIVE.test(body)) throw error;
		const tree = parseTree(body, lineOffset, mdx, { directive: true });
		const unwrap = (node: RootContent): RootContent[] =>
			node.type === ('containerDirective' as string)
				? ((node as unknown as { children: RootContent[] }).children.filter((child) => !(child.data as { directiveLabel?: boolean } | undefined)?.directiveLabel).flatMap(unwrap))
				: [node];
		return { ...tree, children: tree.children.flatMap(unwrap) };
	}
}

/** The syntax tree of a body as the site parses it (the importer reads it too); MDX that does not parse throws a MarkdownSyntaxError. */
export function parseTree(body: string, lineOffset: number, mdx: boolean, extra: { directive?: boolean } = {}): Root {
	// Frontmatter is split off before: a `---` block at the top of the body is content, not YAML.
	const features = { frontmatter: false, ...extra };
	if (!mdx) return markdownToMdast(body, { features }) as Root;
	try {
		return mdxToMdast(body, { features }) as Root;
	} catch (error) {
		// Sätteri reports `line:column: reason (line:column) (rule-id)`.
		const message = error instanceof Error ? error.message : String(error);
		const [, line = '1', column = '1', rest = message] = message.match(/^(\d+):(\d+):\s*(.*)$/su) ?? [];
		const reason = rest.replace(/\s*\(\d+:\d+\)/gu, '').replace(/\s*\([\w-]+:[\w-]+\)\s*$/u, '').trim();
		throw new MarkdownSyntaxError(reason, { line: Number(line) + lineOffset, column: Number(column) });
	}
}

function newSection(node: Heading, positionOf: (node: Nodes) => Position): Section {
	return {
		title: collapseWhitespace(toString(node)),
		depth: node.depth,
		position: positionOf(node),
		fields: [],
		entries: [],
		subsections: [],
	};
}

function addList(
	list: List,
	target: Section,
	body: string,
	lines: LineIndex,
	positionOf: (node: Nodes) => Position
): void {
	for (const item of list.children) {
		const field = readField(item, body, lines, positionOf);
		if (field) target.fields.push(field);
		target.entries.push({ ...toEntry(item, positionOf), ordered: list.ordered === true });
	}
}

/**
 * A list item is a field when its first paragraph opens with bold text (`**Label**` or `__Label__`),
 * or with what the author meant as bold but Markdown does not make bold: `**Label:**value`, whose
 * closing `**` follows a colon and precedes a letter (see LITERAL_LABEL).
 */
function readField(
	item: ListItem,
	body: string,
	lines: LineIndex,
	positionOf: (node: Nodes) => Position
): Field | undefined {
	const [first, ...rest] = item.children;
	if (first?.type !== 'paragraph') return undefined;
	const [opening, ...inlineRest] = first.children;
	let labelText: string;
	let labelEnd: number;
	let inlineText: string;
	let notBold: string | undefined;
	const literal = opening?.type === 'text' ? literalLabel(opening, body) : undefined;
	if (opening?.type === 'strong') {
		labelText = toString(opening);
		labelEnd = opening.position?.end.offset ?? 0;
		inlineText = inlineRest.map((node) => toString(node)).join('');
	} else if (opening?.type === 'text' && literal) {
		labelText = literal.inner;
		labelEnd = (opening.position?.start.offset ?? 0) + literal.written.length;
		inlineText = [opening.value.slice(literal.written.length), ...inlineRest.map((node) => toString(node))].join('');
		notBold = literal.written;
	} else {
		return undefined;
	}
	const label = collapseWhitespace(labelText).replace(/\s*[:：]$/u, '');
	if (!label) return undefined;

	// The value starts after the label and its colon (inside or outside the bold).
	const itemEnd = item.position?.end.offset ?? labelEnd;
	const afterLabel = body.slice(labelEnd, itemEnd);
	// A value may start on the next line, or in a later paragraph of the item: point at its first character.
	const skipped = afterLabel.match(/^\s*[:：]?\s*/u)?.[0].length ?? 0;
	const markdown = afterLabel.slice(skipped).trim();
	const inline = collapseWhitespace(inlineText.replace(/^\s*[:：]/u, ''));
	const nestedText = rest.map((node) => toString(node)).join(' ');
	// A list's items, and each paragraph after a blank line as one item: the value runs to the end of
	// the item. Code, tables and quotes there are the value's text, not items.
	const items = rest.flatMap((node) =>
		node.type === 'list' ? node.children.map((child) => toEntry(child, positionOf)) : node.type === 'paragraph' ? [{ ...blockEntry(node, positionOf), paragraph: true }] : []
	);
	const links: string[] = [];
	for (const node of [...inlineRest, ...rest]) collectUrls(node, links);

	return {
		label,
		labelPosition: positionOf(opening),
		text: collapseWhitespace(`${inline} ${nestedText}`),
		markdown,
		inline,
		valuePosition: markdown ? lines.at(labelEnd + skipped) : positionOf(opening),
		items,
		links,
		...(notBold ? { notBold } : {}),
	};
}

/**
 * `**Label:**value` (or `__Label:__value`) left as literal text: CommonMark does not close emphasis
 * with a `**` that follows punctuation and precedes a letter, so no space after the colon's `**`
 * means no bold. Authors write it by accident; it is read as the field it was meant to be.
 */
const LITERAL_LABEL = /^(\*\*|__)(?=\S)([^*_\n]*?\S[:：])\1(?=[^\s*_])/u;

/** The literal `**Label:**` a text node opens with, if it is written so in the source (not escaped). */
function literalLabel(text: Text, body: string): { written: string; inner: string } | undefined {
	const match = text.value.match(LITERAL_LABEL);
	// `\*\*Label:\*\*` escapes its asterisks on purpose: the source then differs from the text.
	if (!match || !body.startsWith(match[0], text.position?.start.offset ?? -1)) return undefined;
	return { written: match[0], inner: match[2]! };
}

/** A paragraph of a list item's value, as one entry of it. */
function blockEntry(node: Nodes, positionOf: (node: Nodes) => Position): ListEntry {
	const links: string[] = [];
	collectUrls(node, links);
	return { text: collapseWhitespace(toString(node)), position: positionOf(node), links };
}

function toEntry(item: ListItem, positionOf: (node: Nodes) => Position): ListEntry {
	const links: string[] = [];
	collectUrls(item, links);
	return { text: collapseWhitespace(item.children.map((child) => toString(child)).join(" ")), position: positionOf(item.children[0] ?? item), links };
}

/**
 * Visits every node in document order without recursion: a spec may nest lists thousands of
 * levels deep, and a recursive walk would overflow the call stack.
 */
function walk(root: Nodes, visit: (node: Nodes) => void): void {
	const stack: Nodes[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		visit(node);
		if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
	}
}

/** The depth of the tree and where its deepest node is, without recursion (see walk()). */
function treeDepth(root: Root, positionOf: (node: Nodes) => Position): SpecDocument['depth'] {
	let deepest: { levels: number; node: Nodes } = { levels: 0, node: root };
	const stack: [Nodes, number][] = [[root, 0]];
	while (stack.length > 0) {
		const [node, levels] = stack.pop()!;
		if (levels > deepest.levels) deepest = { levels, node };
		if ('children' in node) for (const child of node.children) stack.push([child as Nodes, levels + 1]);
	}
	return { levels: deepest.levels, position: positionOf(deepest.node) };
}

/** An HTML tag, its quoted attribute values read whole (`title="p99 > 2s"`), or a comment. */
const TAG_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<\/?[A-Za-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>/gu;
const BREAK_TAG = /<br\b(?:[^>"']|"[^"]*"|'[^']*')*>/giu;

/** Nodes that start a new block: their text is set apart by a space, as it is on the rendered page. */
const BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'code', 'table', 'tableRow', 'tableCell', 'mdxJsxFlowElement']);

/**
 * Plain text of a node, like mdast-util-to-string (values, image alts), with line breaks and block
 * boundaries as spaces: a nested list item never runs into the text before it (`Ship it to staging`).
 * Raw HTML tags and comments are markup, not text (`Task <b>bold</b>` → `Task bold`), as on the
 * page; `<br>` is a line break.
 */
export function toString(node: Nodes): string {
	const parts: string[] = [];
	walk(node, (child) => {
		if (child.type === 'break' || (child !== node && BLOCKS.has(child.type))) parts.push(' ');
		if (child.type === 'image') parts.push(child.alt ?? '');
		else if (child.type === 'html') parts.push(child.value.replace(BREAK_TAG, ' ').replace(TAG_OR_COMMENT, ''));
		else if ('value' in child && typeof child.value === 'string') parts.push(child.value);
	});
	return parts.join('');
}

function collectUrls(node: Nodes, links: string[]): void {
	walk(node, (child) => {
		if (child.type === 'link') links.push(child.url);
	});
}

function collectInline(root: Root, document: SpecDocument, positionOf: (node: Nodes) => Position, body: string, lines: LineIndex): void {
	let split: string[] | undefined;
	const bodyLines = () => (split ??= body.split(/\r\n|\r|\n/u));
	walk(root, (node) => {
		switch (node.type) {
			case 'heading':
				document.headings.push({ depth: node.depth, text: collapseWhitespace(toString(node)), position: positionOf(node) });
				break;
			case 'link':
				document.links.push({ url: node.url, position: positionOf(node), kind: 'link' });
				break;
			case 'image':
				document.links.push({ url: node.url, position: positionOf(node), kind: 'image' });
				break;
			case 'definition':
				document.definitions.push({ url: node.url, position: definitionUrlPosition(node, body, lines) ?? positionOf(node), kind: 'definition' });
				break;
			case 'code':
				document.codeBlocks.push({ meta: node.meta ?? '', lineCount: node.value.split(/\r\n|\r|\n/u).length, position: positionOf(node) });
				break;
			case 'html': {
				const position = positionOf(node);
				document.html.push({ value: node.value, position, lineColumns: lineColumns(node.value, position, bodyLines, lines) });
				break;
			}
			default:
				break;
		}
	});
}

/** Where each line of an HTML node's value starts in the file (see HtmlFragment.lineColumns). */
function lineColumns(value: string, position: Position, bodyLines: () => string[], lines: LineIndex): number[] {
	const valueLines = value.split(/\r\n|\r|\n/u);
	if (valueLines.length === 1) return [position.column];
	const firstBodyLine = position.line - (lines.at(0).line - 1);
	return valueLines.map((text, index) => {
		if (index === 0) return position.column;
		const written = bodyLines()[firstBodyLine - 1 + index] ?? '';
		// The value line is its source line minus the container's prefix (`> `, indentation).
		return written.endsWith(text) ? written.length - text.length + 1 : 1;
	});
}

/** The position of a definition's URL: after `[label]:`, white space (a line break included) and an opening `<`. */
function definitionUrlPosition(node: Nodes, body: string, lines: LineIndex): Position | undefined {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) return undefined;
	const text = body.slice(start, end);
	let index = text.indexOf('[') + 1;
	// A label may hold escaped brackets (`[a\]b]: url`).
	while (index > 0 && index < text.length && text[index] !== ']') index += text[index] === '\\' ? 2 : 1;
	if (text[index + 1] !== ':') return undefined;
	index += 2;
	while (index < text.length && /\s/u.test(text[index]!)) index++;
	if (text[index] === '<') index++;
	return lines.at(start + index);
}
