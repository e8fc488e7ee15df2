/**
 * How deep the JavaScript of an `.mdx` spec nests, measured on the text before any parser sees it.
 * MDX expressions (`{…}`), JSX attribute values and `import`/`export` blocks are JavaScript, parsed
 * by recursive descent in Sätteri and again in the bundler: nested deep enough, they overflow the
 * native stack and the process dies with no message, which no try/catch can turn into an error.
 *
 * A small lexer, linear in the text: it follows brackets, JSX elements inside expressions, string
 * and template literals and comments (so a `}` in a string closes nothing), and leaves code blocks
 * and code spans alone, as MDX does. Regular expression literals are not recognised: a bracket in
 * one counts as nesting, an over-estimate, which is what a limit wants.
 */
import type { Position } from './model.ts';

/** The deepest point of the JavaScript in an MDX body: how many levels, and where it first got there. */
export interface ExpressionDepth {
	levels: number;
	position: Position;
}

/**
 * What the lexer is inside of. `code` is an expression's bracket (`{`, `(`, `[`, `${`); `tag` the
 * inside of a JSX tag (`<b title="…">`); `children` the text between a JSX element's tags, which an
 * expression opened; `closing` a closing tag; `template` a template literal's text; `esm` an
 * `import`/`export` block; `markdownTag` a JSX tag written in the Markdown itself, whose nesting
 * the syntax tree's depth already counts.
 */
type Frame = 'code' | 'tag' | 'children' | 'closing' | 'template' | 'esm' | 'markdownTag';

const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const ESM = /^(?:import|export)\b/u;
/** A `<` starts a JSX element (not a comparison) when it follows one of these, or nothing. */
const BEFORE_JSX = new Set(['', '(', '[', '{', ',', '=', ':', '?', '&', '|', '!', '>', ';', '}', 'return']);

/** Frames that are not a level of nesting themselves (they hold it). */
const notCounted = (frame: Frame) => frame === 'esm' || frame === 'markdownTag';

/**
 * The first place where the JavaScript in an MDX body nests deeper than `limit`, or the deepest
 * place when it never does. `lineOffset` is the number of file lines before the body.
 */
export function mdxExpressionDepth(body: string, lineOffset: number, limit: number): ExpressionDepth {
	const lines = body.split(/\r\n|\r|\n/u);
	const stack: Frame[] = [];
	let levels = 0;
	let deepest: ExpressionDepth = { levels: 0, position: { line: 1 + lineOffset, column: 1 } };
	let fence: string | undefined;
	/** Inside a block comment (`/* … *\/`), which may span lines. */
	let comment = false;

	/**
	 * Prefix operators, `?`, `=>` and assignments chained in the current frame since its last `,`
	 * or `;` (`!!!!x`, `a ? b : c ? …`, `() => () => …`): each is a level of the parser's recursion.
	 */
	let chain = 0;
	const chains: number[] = [];
	const note = (line: number, index: number) => {
		const total = levels + chain;
		if (total > deepest.levels && deepest.levels <= limit) deepest = { levels: total, position: { line: line + 1 + lineOffset, column: index + 1 } };
	};
	const push = (frame: Frame, line: number, index: number) => {
		stack.push(frame);
		chains.push(chain);
		chain = 0;
		if (notCounted(frame)) return;
		levels++;
		note(line, index);
	};
	const pop = () => {
		const frame = stack.pop();
		chain = chains.pop() ?? 0;
		if (frame !== undefined && !notCounted(frame)) levels--;
		return frame;
	};
	const top = () => stack[stack.length - 1];

	for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
		const line = lines[lineIndex]!;
		if (stack.length === 0 || (top() === 'esm' && stack.length === 1)) {
			// Between expressions the text is Markdown: code blocks are taken literally, and a blank
			// line ends an import/export block.
			if (top() === 'esm' && !line.trim()) pop();
			const opener = FENCE.exec(line)?.[1];
			if (fence !== undefined) {
				if (opener && opener[0] === fence[0] && opener.length >= fence.length && !line.slice(line.indexOf(opener) + opener.length).trim()) fence = undefined;
				continue;
			}
			if (stack.length === 0 && opener) {
				fence = opener;
				continue;
			}
			if (stack.length === 0 && ESM.test(line)) push('esm', lineIndex, 0);
		}
		// An import/export block holds a statement a line, as people write them.
		if (top() === 'esm') chain = 0;
		let previous = '';
		for (let index = 0; index < line.length; index++) {
			const char = line[index]!;
			if (comment) {
				if (char === '*' && line[index + 1] === '/') {
					comment = false;
					index++;
				}
				continue;
			}
			const frame = top();
			if (frame === undefined || frame === 'children') {
				// Markdown, or the text inside a JSX element: only `{` and tags matter.
				if (char === '\\' && frame === undefined) index++;
				else if (char === '`' && frame === undefined) index = skipCodeSpan(line, index);
				else if (char === '{') push('code', lineIndex, index);
				else if (char === '<' && line[index + 1] === '/') {
					if (frame === 'children') {
						pop();
						push('closing', lineIndex, index);
					}
					index++;
				} else if (char === '<' && /[A-Za-z>]/u.test(line[index + 1] ?? '')) push(frame === undefined ? 'markdownTag' : 'tag', lineIndex, index);
				previous = char;
				continue;
			}
			if (frame === 'template') {
				if (char === '\\') index++;
				else if (char === '`') pop();
				else if (char === '$' && line[index + 1] === '{') {
					push('code', lineIndex, index);
					index++;
					previous = '{';
				}
				continue;
			}
			if (frame === 'closing') {
				if (char === '>') pop();
				continue;
			}
			if (frame === 'tag' || frame === 'markdownTag') {
				if (char === '"' || char === "'") index = skipString(line, index);
				else if (char === '{') push('code', lineIndex, index);
				else if (char === '/' && line[index + 1] === '>') {
					pop();
					index++;
				} else if (char === '>') {
					// A Markdown tag's content is Markdown again; an expression's element holds JSX text.
					if (pop() === 'tag') push('children', lineIndex, index);
				}
				previous = char;
				continue;
			}
			// JavaScript: an expression, or an import/export block.
			if (char === ' ' || char === '\t') continue;
			if (char === '"' || char === "'") index = skipString(line, index);
			else if (char === '`') push('template', lineIndex, index);
			else if (char === '/' && line[index + 1] === '/') break;
			else if (char === '/' && line[index + 1] === '*') {
				comment = true;
				index++;
			} else if (char === '(' || char === '[' || char === '{') push('code', lineIndex, index);
			else if (char === ')' || char === ']' || char === '}') {
				if (frame === 'code') pop();
			} else if (char === '<' && BEFORE_JSX.has(previous) && /[A-Za-z>]/u.test(line[index + 1] ?? '')) push('tag', lineIndex, index);
			else if (char === ',' || char === ';') chain = 0;
			else if (isChained(line, index, previous)) {
				chain++;
				note(lineIndex, index);
			} else if (/[\w$]/u.test(char)) {
				WORD.lastIndex = index;
				const word = WORD.exec(line)![0];
				if (PREFIX_WORDS.has(word)) {
					chain++;
					note(lineIndex, index);
				}
				index += word.length - 1;
				previous = word === 'return' ? 'return' : 'word';
				continue;
			}
			previous = char;
		}
	}
	return deepest;
}

const WORD = /[\w$]+/uy;
/** Keywords that take the expression after them, as prefix operators do. */
const PREFIX_WORDS: ReadonlySet<string> = new Set(['typeof', 'void', 'delete', 'await', 'new', 'yield']);

/** `!`, `~`, `?` (not `?.` or `??`), `=>` or an assignment's `=`: an operator that nests what follows it. */
function isChained(line: string, index: number, previous: string): boolean {
	const char = line[index];
	const next = line[index + 1];
	if (char === '!' || char === '~') return next !== '=';
	if (char === '?') return next !== '.' && next !== '?' && previous !== '?';
	if (char === '=') return next === '>' || (next !== '=' && !'=!<>+-*/%&|^'.includes(previous));
	return false;
}

/** The index of a string literal's closing quote (or the line's end: a quote never spans lines). */
function skipString(line: string, start: number): number {
	const quote = line[start];
	for (let index = start + 1; index < line.length; index++) {
		if (line[index] === '\\') index++;
		else if (line[index] === quote) return index;
	}
	return line.length;
}

/** The index of the last backtick of a code span that starts at `start`, or of its opening run when it is not closed on the line. */
function skipCodeSpan(line: string, start: number): number {
	let end = start;
	while (line[end + 1] === '`') end++;
	const run = line.slice(start, end + 1);
	for (let index = line.indexOf(run, end + 1); index !== -1; index = line.indexOf(run, index + 1)) {
		// A longer run of backticks does not close the span.
		if (line[index + run.length] !== '`' && line[index - 1] !== '`') return index + run.length - 1;
		while (line[index + 1] === '`') index++;
	}
	return end;
}
