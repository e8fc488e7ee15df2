/**
 * Parsers for the Overview's structured values. Each is total (never throws) so both the schema's
 * checks and the final Spec record can call them.
 */
import type { Author } from './model.ts';
import { STATUSES, type Status } from './statuses.ts';
import { collapseWhitespace, findForbiddenCharacter, slugify } from './text.ts';

/** Canonical status for a case-insensitive spelling (`in review`, `APPROVED`), or undefined. */
export function parseStatus(text: string): Status | undefined {
	const wanted = collapseWhitespace(text).toLowerCase();
	return STATUSES.find((status) => status.toLowerCase() === wanted);
}

const NAMED_CHARACTERS: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A numeric character reference's character; U+FFFD, as on the page, for one no text may hold (controls, surrogates, noncharacters). */
function characterOf(codePoint: number): string {
	// NUL, lone surrogates and noncharacters are forbidden characters too.
	const character = codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;
	return character !== undefined && !findForbiddenCharacter(character) ? character : '\uFFFD';
}

const EMAIL = /<?\b([^\s<>()@,;]+@[^\s<>()@,;]+\.[^\s<>()@,;]+)\b>?/u;
const HANDLE = /(?:^|[\s(])@([\p{L}\p{N}_.-]*[\p{L}\p{N}_])/u;

/**
 * Splits `Ana Lima <ana@example.com>, Bo Chen and @cdiaz` into authors. Names are separated by
 * commas, semicolons, `&` or the word "and"; an e-mail in angle brackets and an `@handle` beside a
 * name are kept apart from it.
 */
export function parseAuthors(markdown: string): Author[] {
	const plain = collapseWhitespace(
		markdown
			// One author per item when the names are a nested list.
			.replace(/(^|\n)[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/gu, '$1, ')
			.replace(/!?\[([^\]]*)\]\([^)]*\)/gu, '$1')
			.replace(/\[([^\]]*)\]\[[^\]]*\]/gu, '$1')
			.replace(/\*\*(.+?)\*\*/gu, '$1')
			// `__` is emphasis only at word boundaries: inside a word (`@ana__lima`) it is text.
			.replace(/(?<![\p{L}\p{N}_])__(?!_)(.+?)__(?![\p{L}\p{N}_])/gu, '$1')
			// `_Ana Lima_` around a name, never inside a handle or an e-mail (`@a_-b`, `a_b@c.d`).
			.replace(/(^|[\s,;(])_(?![_\s])([^_@<>\n]+?)(?<!\s)_(?=$|[\s,;)])/gu, '$1$2')
			.replace(/[*`]/gu, '')
			// Character references stand for their character, as on the page (`Ana &amp; Bo` is two people).
			.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/giu, (_, decimal?: string, hex?: string, name?: string) =>
				decimal || hex ? characterOf(Number.parseInt(decimal ?? hex!, decimal ? 10 : 16)) : NAMED_CHARACTERS[name!.toLowerCase()]!
			)
			// Backslash escapes (`\<ana@example.com\>`) stand for the character itself.
			.replace(/\\([!-/:-@[-`{-~])/gu, '$1')
	);
	// E-mails and handles may contain separators (`ana.and.co@example.com`, `@rand-and-co`): set them
	// aside before splitting, and put each back in its part.
	const kept: string[] = [];
	const keep = (token: string) => `\u0000${kept.push(token) - 1}\u0000`;
	const masked = plain
		.replace(new RegExp(EMAIL.source, 'gu'), keep)
		.replace(new RegExp(HANDLE.source, 'gu'), (match) => match.replace(/@.*/u, keep));
	const authors: Author[] = [];
	for (const maskedPart of masked.split(/\s*(?:[,;&]|\band\b)\s*/iu)) {
		const part = maskedPart.replace(/\u0000(\d+)\u0000/gu, (_, index: string) => kept[Number(index)] ?? '');
		let rest = part;
		let email: string | undefined;
		let handle: string | undefined;
		const emailMatch = rest.match(EMAIL);
		if (emailMatch) {
			email = emailMatch[1];
			rest = rest.replace(emailMatch[0], ' ');
		}
		const handleMatch = rest.match(HANDLE);
		if (handleMatch) {
			handle = handleMatch[1];
			rest = rest.replace(`@${handle}`, ' ');
		}
		const name = collapseWhitespace(rest.replace(/[()[\]<>]/gu, ' ')).replace(/^[-–—:]+|[-–—:]+$/gu, '').trim() || handle || email;
		if (!name) continue;
		const author: Author = { name, slug: slugify(name) || slugify(handle ?? email ?? 'author') };
		if (email) author.email = email;
		if (handle) author.handle = handle;
		authors.push(author);
	}
	return authors;
}

/** `None`, `N/A`, `-`: a Dependencies value that means "no dependency". */
export function isNone(text: string): boolean {
	return /^(?:none|n\/a|na|nothing|-|—|–)\.?$/iu.test(text.trim());
}
