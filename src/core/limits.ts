/**
 * Limits, each written once: the format's own (how long a Feature may be), and the Markdown that
 * Sätteri (the parser behind `check` and the site alike) takes more than linear time
 * or memory on. Measured with Sätteri 0.10: lists nested 20,000 deep parse in 0.4 s but 400,000
 * deep in 140 s; one paragraph of 40,000 character references (`&amp;`) throws, and of 200,000
 * exhausts memory; 80,000 underscores in one paragraph take 3 s; 100,000 nested inline JSX tags in
 * an `.mdx` spec take 26 s. The text is scanned first, in
 * linear time, so such a file is a located error instead of a hang or a crash. The limits are far
 * above anything a person writes (5,000-level nesting still parses, in 0.03 s).
 */
import { mdxExpressionDepth } from './expression-depth.ts';
import type { Position } from './model.ts';

/** Overview › Feature may be at most this many characters: it is a name, shown in tables and titles. */
export const FEATURE_MAX_LENGTH = 120;

/**
 * Tags in one spec's frontmatter, and names in its Author(s): each is a link on the spec page and
 * in the indexes, and a search filter. A dozen is a lot; the cap keeps a generated list from
 * making a page of hundreds of megabytes.
 */
export const MAX_TAGS = 50;
export const MAX_AUTHORS = 50;

/** Lists and block quotes nested deeper than this are refused. */
export const MAX_NESTING = 10_000;
/**
 * How deep an `.mdx` spec's syntax tree may go. MDX compiles to one JavaScript expression nested
 * as deep as the tree, which the site's bundler (Rolldown) crashes on from about 450 levels (a
 * list nested 225 deep), and the MDX compiler itself from about 10,000; Markdown specs are turned
 * into HTML directly and have no such limit.
 */
export const MAX_MDX_DEPTH = 200;
/**
 * How deep the JavaScript in an `.mdx` spec may nest: brackets, JSX elements inside expressions
 * and chained operators that nest what follows them (`!`, `?`, `=>`, `new`…), counted from the `{`
 * of an expression or the start of an `import`/`export` block.
 * Sätteri's expression parser overflows the native stack (a segmentation fault, no message) from
 * about 5,000 brackets, and the site's bundler from about 1,200; JSX elements holding expressions
 * inside an expression (`{<b>{<b>{…}</b>}</b>}`) are refused by Sätteri from 34 levels, in time that
 * doubles with each level from about 45. A hand-written expression nests a handful of levels.
 */
export const MAX_MDX_EXPRESSION_DEPTH = 64;
/** JSX tags in one block of an `.mdx` spec (nested inline ones cost the parser quadratic time). */
export const MAX_MDX_TAGS_PER_BLOCK = 2_000;
/** Character references (`&amp;`, `&#65;`) in one block of text. */
export const MAX_REFERENCES_PER_BLOCK = 10_000;
/** Underscores in one block of text (emphasis delimiters, as the parser sees them). */
export const MAX_UNDERSCORES_PER_BLOCK = 20_000;

/** What is over a limit, and where. */
export interface ComplexityFinding {
	/** One sentence for the diagnostic, e.g. `lists and block quotes nest 12000 levels deep here`. */
	reason: string;
	position: Position;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/gu;

/**
 * How deep the block containers a line opens go, estimated from its start: each `>` and list
 * marker is a level, and so is every two columns of indentation before a marker (a nested list
 * item is indented at least two more). The space after a marker belongs to it. An over-estimate
 * at worst, which is what a limit wants.
 */
export function lineNesting(line: string): number {
	let levels = 0;
	let columns = 0;
	let afterMarker = false;
	let index = 0;
	while (index < line.length) {
		const char = line[index]!;
		if (char === ' ' || char === '\t') {
			if (!afterMarker) columns += char === ' ' ? 1 : 4;
			index++;
			continue;
		}
		afterMarker = true;
		if (char === '>') levels++;
		else if ((char === '-' || char === '*' || char === '+') && endsMarker(line[index + 1])) levels++;
		else if (char >= '0' && char <= '9') {
			const digits = /^\d{1,9}[.)]/u.exec(line.slice(index, index + 10))?.[0];
			if (!digits || !endsMarker(line[index + digits.length])) break;
			levels++;
			index += digits.length;
			continue;
		} else break;
		index++;
	}
	return levels + Math.floor(columns / 2);
}

/** A list marker is followed by white space or the end of the line. */
const endsMarker = (next: string | undefined) => next === undefined || next === ' ' || next === '\t';

/** The first thing in a Markdown body over the limits above, or undefined. Positions are in the file. */
export function findExcessiveMarkdown(body: string, lineOffset = 0, options: { mdx?: boolean } = {}): ComplexityFinding | undefined {
	const lines = body.split(/\r\n|\r|\n/u);
	let fence: string | undefined;
	let references = 0;
	let underscores = 0;
	let tags = 0;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		const position = { line: index + 1 + lineOffset, column: 1 };
		const opener = FENCE.exec(line)?.[1];
		if (fence !== undefined) {
			// Code is taken literally: nothing inside a fence costs the parser anything.
			if (opener && opener[0] === fence[0] && opener.length >= fence.length && !line.slice(line.indexOf(opener) + opener.length).trim()) fence = undefined;
			continue;
		}
		if (opener) {
			fence = opener;
			continue;
		}
		if (!line.trim()) {
			references = underscores = tags = 0;
			continue;
		}
		const nesting = lineNesting(line);
		if (nesting > MAX_NESTING) {
			return { reason: `lists and block quotes nest about ${nesting} levels deep here; the limit is ${MAX_NESTING}`, position };
		}
		references += line.match(REFERENCE)?.length ?? 0;
		if (references > MAX_REFERENCES_PER_BLOCK) {
			return { reason: `this block holds more than ${MAX_REFERENCES_PER_BLOCK} character references such as &amp;`, position };
		}
		for (let at = line.indexOf('_'); at !== -1; at = line.indexOf('_', at + 1)) underscores++;
		if (underscores > MAX_UNDERSCORES_PER_BLOCK) {
			return { reason: `this block holds more than ${MAX_UNDERSCORES_PER_BLOCK} underscores`, position };
		}
		if (options.mdx) {
			tags += line.match(/<[A-Za-z]/gu)?.length ?? 0;
			if (tags > MAX_MDX_TAGS_PER_BLOCK) return { reason: `this block holds more than ${MAX_MDX_TAGS_PER_BLOCK} JSX tags`, position };
		}
	}
	if (options.mdx) {
		const expression = mdxExpressionDepth(body, lineOffset, MAX_MDX_EXPRESSION_DEPTH);
		if (expression.levels > MAX_MDX_EXPRESSION_DEPTH) {
			return { reason: `the JavaScript in an expression nests more than ${MAX_MDX_EXPRESSION_DEPTH} levels deep here (brackets and components); the limit is ${MAX_MDX_EXPRESSION_DEPTH}`, position: expression.position };
		}
	}
	return undefined;
}
