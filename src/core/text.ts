/**
 * Small text helpers shared by the parser and the schema: label normalisation, near-miss matching,
 * placeholder detection and slugs.
 */

/** Compares labels and headings the way authors expect: case, spacing and a trailing colon ignored. */
export function normalizeLabel(text: string): string {
	return text
		.replace(/[:：]\s*$/u, '')
		.replace(/\s+/gu, ' ')
		.trim()
		.toLowerCase();
}

/** Levenshtein distance, capped: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			current.push(value);
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin > max) return max + 1;
		previous = current;
	}
	return previous[b.length]!;
}

/** The closest candidate within `maxDistance` edits (compared normalised), if any. */
export function nearestMatch(
	text: string,
	candidates: readonly string[],
	maxDistance = 2
): string | undefined {
	return nearestMatches(text, candidates, maxDistance)[0];
}

/**
 * Every candidate at the smallest distance within `maxDistance` edits (compared normalised), in
 * the candidates' order: more than one means the near miss is ambiguous.
 */
export function nearestMatches(text: string, candidates: readonly string[], maxDistance = 2): string[] {
	const wanted = normalizeLabel(text);
	let best: string[] = [];
	let bestDistance = maxDistance + 1;
	for (const candidate of candidates) {
		const distance = editDistance(wanted, normalizeLabel(candidate), maxDistance);
		if (distance < bestDistance) [best, bestDistance] = [[candidate], distance];
		else if (distance === bestDistance && distance <= maxDistance) best.push(candidate);
	}
	return best;
}

/**
 * A value still holding the template's placeholder, like `[Feature name]` or `[Step 1]`: the whole
 * value is one bracketed phrase that is not a Markdown link.
 */
export function isPlaceholder(text: string): boolean {
	return /^\[[^\[\]]*\](?!\s*[(\[])\s*$/u.test(text.trim());
}

/** URL-safe slug that keeps letters of any script (`Zoë Ng` → `zoe-ng`, `李雷` → `李雷`). */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/gu, '');
}

/** Collapses runs of white space (including line breaks inside a list item) to single spaces. */
export function collapseWhitespace(text: string): string {
	// Only what is not already a single space is replaced: a third of the work of `/\s+/g` on prose.
	return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Escapes what Markdown would read as markup in a one-line value (`*`, `_`, `<`, `[`…), so it round-trips as plain text. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>#|~]/gu, (char) => `\\${char}`);
}

/**
 * Characters that have no place in a spec's text: C0 and C1 controls other than tab and line ends
 * (a terminal runs escape codes, and XML 1.0, the feed's format, forbids the C0 ones), DEL, the
 * noncharacters U+FFFE and U+FFFF, and lone surrogates.
 */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** The first forbidden character in `text` and its offset, or undefined. */
export function findForbiddenCharacter(text: string): { offset: number; codePoint: string } | undefined {
	const match = FORBIDDEN_CHARACTER.exec(text);
	if (!match) return undefined;
	return { offset: match.index, codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
}

/** `text` with every forbidden character shown as its code point (`\u001B`), for terminals and logs. */
export function showForbiddenCharacters(text: string): string {
	return text.replace(new RegExp(FORBIDDEN_CHARACTER.source, 'gu'), (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
