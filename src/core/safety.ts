/**
 * Script-capable HTML in Markdown specs. A `.md` spec may hold harmless HTML (`<details>`, `<kbd>`,
 * `<sup>`, `<br>`…) but nothing that can run script in a reader's browser: those are located
 * errors, so an unsafe spec never reaches the built site.
 */
import type { HtmlFragment, LinkReference } from './document.ts';
import type { Position } from './model.ts';

/** One unsafe construct and where it is. */
export interface UnsafeFinding {
	/** What was found, e.g. `<script>`, `onclick=`, `javascript: URL`. */
	what: string;
	position: Position;
}

/** Elements that run or embed active content. */
const UNSAFE_ELEMENTS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'portal'];
const UNSAFE_ELEMENT = new RegExp(`<\\s*(${UNSAFE_ELEMENTS.join('|')})(?=[\\s/>]|$)`, 'giu');
/** Any `on…=` event handler attribute inside a tag. */
const EVENT_HANDLER = /<[a-z][^>]*?[\s/"'](on[a-z]+)\s*=/giu;
/** URL-valued attributes, to check their scheme. */
const URL_ATTRIBUTE = /\b(?:href|src|srcset|action|formaction|xlink:href|poster|data|background|cite)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/giu;
const UNSAFE_SCHEME = /^(javascript|vbscript|data):/iu;

/** Decodes HTML character references (`&#x6A;`, `&Tab;`-style whitespace) enough to see a URL's real scheme. */
function decodeEntities(text: string): string {
	return text
		.replace(/&#x([0-9a-f]+);?/giu, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
		.replace(/&#(\d+);?/gu, (_, decimal: string) => String.fromCodePoint(Number(decimal) % 0x110000))
		.replace(/&(?:tab|newline);/giu, '')
		.replace(/&colon;/giu, ':');
}

/** The scheme of a URL as a browser reads it: control characters and white space inside are ignored. */
export function unsafeScheme(url: string): string | undefined {
	// eslint-disable-next-line no-control-regex
	const cleaned = decodeEntities(url).replace(/[\u0000-\u0020\u007f-\u009f]/gu, '');
	return cleaned.match(UNSAFE_SCHEME)?.[1]?.toLowerCase();
}

/** Positions inside a fragment: offset → line/column relative to the fragment's start. */
function positionIn(fragment: HtmlFragment, offset: number): Position {
	const before = fragment.value.slice(0, offset);
	const lines = before.split(/\r\n|\r|\n/u);
	const line = fragment.position.line + lines.length - 1;
	const column = lines.length === 1 ? fragment.position.column + offset : lines.at(-1)!.length + 1;
	return { line, column };
}

/** Every script-capable construct in the raw HTML and links of a Markdown body. */
export function findUnsafeHtml(html: readonly HtmlFragment[], links: readonly LinkReference[]): UnsafeFinding[] {
	const findings: UnsafeFinding[] = [];
	for (const original of html) {
		// Comments never render: blank them out (keeping offsets) so `<!-- <script> -->` is not reported.
		const fragment = { ...original, value: original.value.replace(/<!--[\s\S]*?(?:-->|$)/gu, (comment) => comment.replace(/[^\r\n]/gu, ' ')) };
		for (const match of fragment.value.matchAll(UNSAFE_ELEMENT)) {
			findings.push({ what: `<${match[1]!.toLowerCase()}>`, position: positionIn(fragment, match.index) });
		}
		for (const match of fragment.value.matchAll(EVENT_HANDLER)) {
			const offset = match.index + match[0].length - match[1]!.length - 1;
			findings.push({ what: `${match[1]!.toLowerCase()}= event handler`, position: positionIn(fragment, Math.max(offset, match.index)) });
		}
		for (const match of fragment.value.matchAll(URL_ATTRIBUTE)) {
			const scheme = unsafeScheme(match[1] ?? match[2] ?? match[3] ?? '');
			if (scheme) findings.push({ what: `${scheme}: URL`, position: positionIn(fragment, match.index) });
		}
	}
	for (const link of links) {
		const scheme = unsafeScheme(link.url);
		if (scheme) findings.push({ what: `${scheme}: URL in ${link.kind === 'image' ? 'an image' : 'a link'}`, position: link.position });
	}
	return findings.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}
