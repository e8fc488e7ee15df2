/**
 * Code-block meta that would hang the build. Starlight's code blocks (Expressive Code) read marks
 * from a fence's meta: `/regex/` marks every match on every line, so a catastrophic pattern such as
 * `/(a+)+$/` backtracks for hours; `{1-99999999}` marks a line range, which is expanded into one
 * number per line (minutes and gigabytes). The meta is read here as Expressive Code reads it
 * (@expressive-code/core `parseOptions`, @expressive-code/plugin-text-markers), and:
 * - regular-expression marks are refused outright: whether a pattern backtracks catastrophically
 *   cannot be told reliably from its text (nested quantifiers, overlapping alternatives,
 *   backreferences…), and a quoted string mark (`"text"`) marks the same text safely;
 * - line ranges may only name lines the block has.
 */
import type { Position } from './model.ts';

/** A fenced code block as the check sees it. */
export interface CodeBlockReference {
	/** The fence's meta: what follows the language on the opening line. */
	meta: string;
	/** How many lines the code has. */
	lineCount: number;
	/** Where the fence opens. */
	position: Position;
}

/** One refused mark. */
export interface CodeMetaFinding {
	/** The mark as written, e.g. `/(a+)+$/` or `ins={1-99999999}`. */
	mark: string;
	/** Why it is refused: the end of a sentence. */
	reason: string;
	position: Position;
}

/** The option keys Expressive Code's text markers read (no key means `mark`). */
const MARKER_KEYS: ReadonlySet<string> = new Set(['', 'mark', 'ins', 'del', 'add', 'rem']);

/**
 * Delimited values as Expressive Code finds them: `key=` (optional), then a value in `'…'`,
 * `"…"`, `/…/` or `{…}`, between white space (its `parseDelimitedValues`, with the default syntax).
 */
const DELIMITED = new RegExp(
	[
		["'", "'"],
		['"', '"'],
		['/', '/'],
		['{', '}'],
	]
		.map(([start, end]) => `(?:\\s|^)(?:([^\\s'"/{=]+)\\s*=\\s*)?(${escape(start!)})((?:[^\\\\]|\\\\.)*?)${escape(end!)}(?=\\s|$)`)
		.join('|'),
	'gu'
);

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

/** A line range's parts, as parse-numeric-range (used by the text markers) reads them. */
const RANGE_PART = /^(-?\d+)(?:-|\.\.\.?|\u2025|\u2026|\u22EF)(-?\d+)$/u;
/** A label before a range: `{"Setup": 1-3}`. */
const RANGE_LABEL = /^\s*?(["'])((?:(?!\1).)+?)\1:\s*?/u;

export function findUnsafeCodeMeta(blocks: readonly CodeBlockReference[]): CodeMetaFinding[] {
	const findings: CodeMetaFinding[] = [];
	for (const { meta, lineCount, position } of blocks) {
		if (!meta) continue;
		for (const match of meta.matchAll(DELIMITED)) {
			// Each alternative has three groups: key, start delimiter, value.
			const groups = [1, 4, 7, 10].map((first) => match.slice(first, first + 3)).find((group) => group[1] !== undefined);
			if (!groups) continue;
			const [key = '', delimiter, value = ''] = groups;
			if (!MARKER_KEYS.has(key)) continue;
			const mark = match[0].trim();
			if (delimiter === '/') {
				findings.push({ mark, reason: 'a regular expression mark could take the build hours to match; mark the text with a quoted string instead', position });
			} else if (delimiter === '{') {
				const outside = rangeNumbers(value.replace(RANGE_LABEL, '')).find((line) => line < 1 || line > lineCount);
				if (outside !== undefined) findings.push({ mark, reason: `it marks line ${outside}, but the block has ${lineCount} line${lineCount === 1 ? '' : 's'}`, position });
			}
		}
	}
	return findings;
}

/** Every line number a range names at its ends (`1-3, 7` → 1, 3, 7). */
function rangeNumbers(range: string): number[] {
	return range.split(',').flatMap((part) => {
		const trimmed = part.trim();
		if (/^-?\d+$/u.test(trimmed)) return [Number.parseInt(trimmed, 10)];
		const ends = RANGE_PART.exec(trimmed);
		return ends ? [Number.parseInt(ends[1]!, 10), Number.parseInt(ends[2]!, 10)] : [];
	});
}
