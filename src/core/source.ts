/**
 * From raw file bytes to body text: BOM, frontmatter fences and line bookkeeping, so that every
 * later position can be reported against the file as the author sees it.
 */
import type { Position } from './model.ts';

/** A block Astro would take as frontmatter and drop from the page, though Specbook cannot read it as such. */
export interface DroppedBlock {
	/** 1-based line of its opening fence. */
	line: number;
	/** The fence: `+++` (TOML) or `---`. */
	fence: string;
	/**
	 * `toml`: a `+++` block where frontmatter goes; `mixed`: opened with one fence and closed with
	 * the other, which Astro reads but does not take off the page; `second`: a block right after the
	 * frontmatter; `hidden`: a fence after white space on its line, which Astro does not read but the
	 * renderer, given the trimmed body, does.
	 */
	kind: 'toml' | 'mixed' | 'second' | 'hidden';
}

/** The file split into its optional YAML frontmatter and its Markdown body. */
export interface SplitSource {
	/** YAML between the `---` fences, or null when the file has none. */
	frontmatter: string | null;
	/** 1-based line of the first YAML line (the line after the opening fence). */
	frontmatterLine: number;
	/** Markdown after the frontmatter (the whole text when there is none), as the page shows it. */
	body: string;
	/** Lines before the body: add it to body-relative line numbers. */
	bodyLineOffset: number;
	/** True when an opening `---` fence is never closed. */
	unclosed: boolean;
	/** Blocks the page would drop as frontmatter: reported, and left out of the body as the page leaves them out. */
	dropped: DroppedBlock[];
}

/** Astro's reader: a fence is any line that starts with `---` or `+++`, and either closes either. */
const ASTRO_FENCE = /^(---|\+\+\+)/u;
/** The Markdown renderer's: a line of just `---` (YAML, closed by `---` or `...`) or `+++` (TOML, closed by `+++`). */
const RENDERER_FENCE = /^(---|\+\+\+)[ \t]*$/u;
/** A line of white space only, as JavaScript's `trim()` (which Astro uses) sees white space. */
const BLANK = /^\s*$/u;

/**
 * Splits off the frontmatter the way Astro reads it: a `---` block after any leading blank lines.
 * Astro would also take a `+++` block there (TOML), and the Markdown renderer a second block right
 * after the frontmatter (Astro trims the body first): both would vanish from the page unread, so
 * they are reported. Line ends are kept as written; a leading BOM is dropped.
 */
export function splitSource(text: string): SplitSource {
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const lines = source.split(/\r?\n|\r/u);
	const result: SplitSource = { frontmatter: null, frontmatterLine: 0, body: source, bodyLineOffset: 0, unclosed: false, dropped: [] };
	const first = block(lines, 0);
	if (!first) {
		// No frontmatter for Astro; but it trims the body, and the renderer takes a fence at its start.
		const hidden = rendererBlock(lines, 0);
		if (!hidden) return result;
		result.dropped.push({ line: hidden.opening + 1, fence: hidden.fence, kind: 'hidden' });
		return sliceBody(source, result, hidden.closing);
	}
	if (first.closing === -1) {
		if (first.fence === '---') result.unclosed = true;
		return result;
	}
	const closingFence = ASTRO_FENCE.exec(lines[first.closing]!)?.[1];
	if (closingFence !== first.fence) result.dropped.push({ line: first.opening + 1, fence: first.fence, kind: 'mixed' });
	else if (first.fence === '---') {
		result.frontmatter = lines.slice(first.opening + 1, first.closing).join('\n');
		result.frontmatterLine = first.opening + 2;
	} else result.dropped.push({ line: first.opening + 1, fence: first.fence, kind: 'toml' });
	let last = first.closing;
	const second = rendererBlock(lines, last + 1);
	if (second) {
		result.dropped.push({ line: second.opening + 1, fence: second.fence, kind: 'second' });
		last = second.closing;
	}
	return sliceBody(source, result, last);
}

/** `result` with the body after line `last` (0-based), re-sliced from `source` so it keeps its own line ends. */
function sliceBody(source: string, result: SplitSource, last: number): SplitSource {
	const lineEnd = /\r\n|\r|\n/gu;
	for (let line = 0; line <= last; line++) lineEnd.exec(source);
	result.body = lineEnd.lastIndex ? source.slice(lineEnd.lastIndex) : '';
	// When the closing fence ends the file, the (empty) body sits on the fence's line: there is no line after it.
	result.bodyLineOffset = lineEnd.lastIndex ? last + 1 : last;
	return result;
}

/**
 * A block the Markdown renderer would take as frontmatter from line `start` on: Astro trims the
 * body before rendering it, so a fence after blank lines or white space becomes its first line.
 */
function rendererBlock(lines: readonly string[], start: number): { fence: '---' | '+++'; opening: number; closing: number } | undefined {
	let opening = start;
	while (opening < lines.length && BLANK.test(lines[opening]!)) opening++;
	const fence = RENDERER_FENCE.exec((lines[opening] ?? '').trimStart())?.[1] as '---' | '+++' | undefined;
	if (!fence) return undefined;
	// The renderer also ends YAML at `...`, as YAML itself allows.
	const closes = fence === '---' ? /^(?:---|\.\.\.)[ \t]*$/u : /^\+\+\+[ \t]*$/u;
	const closing = lines.findIndex((line, index) => index > opening && closes.test(line));
	return closing === -1 ? undefined : { fence, opening, closing };
}

/** The block Astro reads as frontmatter: its opening fence is the first line that is not blank. */
function block(lines: readonly string[], start: number): { fence: '---' | '+++'; opening: number; closing: number } | undefined {
	let opening = start;
	while (opening < lines.length && BLANK.test(lines[opening]!)) opening++;
	const fence = ASTRO_FENCE.exec(lines[opening] ?? '')?.[1] as '---' | '+++' | undefined;
	if (!fence) return undefined;
	const closing = lines.findIndex((line, index) => index > opening && ASTRO_FENCE.test(line));
	return { fence, opening, closing };
}

/** Maps string offsets to 1-based line/column positions. */
export class LineIndex {
	readonly #starts: number[] = [0];
	readonly #lineOffset: number;

	constructor(text: string, lineOffset = 0) {
		this.#lineOffset = lineOffset;
		for (let index = 0; index < text.length; index++) {
			const char = text[index];
			if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) this.#starts.push(index + 1);
		}
	}

	/** The position of a string offset. */
	at(offset: number): Position {
		let low = 0;
		let high = this.#starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (this.#starts[middle]! <= offset) low = middle;
			else high = middle - 1;
		}
		return { line: low + 1 + this.#lineOffset, column: offset - this.#starts[low]! + 1 };
	}

	/** The string offset of a position (its line counted like the ones `at` gives). */
	offset(position: Position): number | undefined {
		const start = this.#starts[position.line - 1 - this.#lineOffset];
		return start === undefined ? undefined : start + position.column - 1;
	}

	/** Number of lines in the text. */
	get lineCount(): number {
		return this.#starts.length;
	}
}
