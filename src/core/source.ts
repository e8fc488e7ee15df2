/**
 * From raw file bytes to body text: BOM, frontmatter fences and line bookkeeping, so that every
 * later position can be reported against the file as the author sees it.
 */
import type { Position } from './model.ts';

/** The file split into its optional YAML frontmatter and its Markdown body. */
export interface SplitSource {
	/** YAML between the `---` fences, or null when the file has none. */
	frontmatter: string | null;
	/** 1-based line of the first YAML line (the line after the opening fence). */
	frontmatterLine: number;
	/** Markdown after the closing fence (the whole text when there is no frontmatter). */
	body: string;
	/** Lines before the body: add it to body-relative line numbers. */
	bodyLineOffset: number;
	/** True when an opening `---` fence is never closed. */
	unclosed: boolean;
}

const FENCE = /^---[ \t]*$/u;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/u;

/** Splits off the frontmatter. Line ends are kept as written; a leading BOM is dropped. */
export function splitSource(text: string): SplitSource {
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const lines = source.split(/\r?\n|\r/u);
	const none = { frontmatter: null, frontmatterLine: 0, body: source, bodyLineOffset: 0, unclosed: false };
	if (!FENCE.test(lines[0] ?? '')) return none;
	const closing = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
	if (closing === -1) return { ...none, unclosed: true };
	// Re-slice the original text so the body keeps its own line ends (micromark handles CRLF).
	const lineEnd = /\r\n|\r|\n/gu;
	for (let line = 0; line <= closing; line++) lineEnd.exec(source);
	const offset = lineEnd.lastIndex || source.length;
	return {
		frontmatter: lines.slice(1, closing).join('\n'),
		frontmatterLine: 2,
		body: source.slice(offset),
		// When the closing fence ends the file, the (empty) body sits on the fence's line: there is no line after it.
		bodyLineOffset: lineEnd.lastIndex ? closing + 1 : closing,
		unclosed: false,
	};
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

	/** Number of lines in the text. */
	get lineCount(): number {
		return this.#starts.length;
	}
}
