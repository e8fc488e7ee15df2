/**
 * Script-capable HTML in Markdown specs. A `.md` spec may hold harmless HTML (`<details>`, `<kbd>`,
 * `<sup>`, `<br>`…) but nothing that can run script in a reader's browser: those are located
 * errors, so an unsafe spec never reaches the built site.
 *
 * Raw HTML is judged as a browser reads it: each piece is parsed by parse5, the HTML standard's
 * parser (scripting on, as for `<noscript>`), and the tree is held against an allow list,
 * hast-util-sanitize's default schema (GitHub's). Nothing is matched as a string, so quoting,
 * comments, entities and foreign (SVG, MathML) content cannot hide markup from the check.
 *
 * Markdown splits HTML into pieces (an HTML block, each inline tag) with rendered Markdown between
 * them, which is escaped text and cannot open or close a tag. The pieces are parsed together, in
 * order, as the browser reads them one after the other. A piece that ends inside a tag, an
 * attribute value or a comment is itself an error (it would swallow the Markdown after it, so the
 * page would not read as the pieces do); the run of pieces is cut there. Every element that changes
 * how later text parses (`<textarea>`, `<noscript>`, `<style>`, `<svg>`, `<math>`, `<template>`, …)
 * is outside the allow list, so a spec that uses one is refused whatever the Markdown around it
 * renders to.
 */
import { defaultSchema } from 'hast-util-sanitize';
import { parse, Tokenizer, type DefaultTreeAdapterMap, type ParserOptions } from 'parse5';
import { find, html as htmlSpace, svg as svgSpace } from 'property-information';
import type { HtmlFragment, LinkReference } from './document.ts';
import type { Position } from './model.ts';
import { LineIndex } from './source.ts';

/** One finding and where it is. */
export interface UnsafeFinding {
	/** Which rule: script-capable HTML, or an attribute that would rewrite the search index. */
	kind: 'unsafe' | 'pagefind';
	/** What was found, e.g. `<script>`, `onerror= on <img>`, `javascript: URL in href= on <a>`. */
	what: string;
	/** Why it is refused, when it is not "can run script in a reader's browser". */
	reason?: string;
	position: Position;
}

type AttributeRule = string | [string, ...(string | number | boolean | RegExp)[]];

/**
 * The allow list: hast-util-sanitize's default schema, extended only where Specbook needs it.
 * Each extension says why in its line.
 */
const SCHEMA = {
	tagNames: new Set<string>([
		...(defaultSchema.tagNames ?? []),
		// Acronyms are everywhere in specs; `<abbr title="…">` explains them without a glossary.
		'abbr',
	]),
	attributes: {
		...defaultSchema.attributes,
	} as Record<string, AttributeRule[]>,
	/** Allowed URL schemes per property (links: http, https, mailto…; images: http, https). */
	protocols: defaultSchema.protocols as Record<string, string[]>,
};

/** URL schemes that run code when followed or loaded: these get the "can run script" wording. */
const SCRIPT_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data']);

/** Elements that run, embed or restyle active content: refused with the "can run script" wording. */
const ACTIVE_ELEMENTS: ReadonlySet<string> = new Set([
	'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'portal',
	'style', 'svg', 'math', 'template', 'noscript', 'button', 'input', 'textarea', 'select', 'video', 'audio', 'set',
	'animate', 'animatemotion', 'animatetransform', 'use', 'foreignobject', 'html', 'head', 'body', 'isindex', 'xmp',
]);

/**
 * Attributes whose value is a URL (or a list of them) a browser follows or loads. Attributes
 * outside the allow list are refused anyway; naming the scheme tells the author why.
 */
const URL_ATTRIBUTES: Readonly<Record<string, 'url' | 'srcset' | 'spaces' | 'semicolons'>> = {
	href: 'url', src: 'url', action: 'url', formaction: 'url', 'xlink:href': 'url', poster: 'url', data: 'url',
	codebase: 'url', cite: 'url', background: 'url', longdesc: 'url', usemap: 'url', manifest: 'url',
	lowsrc: 'url', dynsrc: 'url', icon: 'url', archive: 'spaces', classid: 'url', ping: 'spaces',
	srcset: 'srcset', imagesrcset: 'srcset',
	// SVG animation sets another attribute (e.g. an `<a>`'s href) to these values.
	to: 'url', from: 'url', by: 'url', values: 'semicolons',
};

/** parse5 errors meaning the piece ended inside a tag, comment or declaration. */
const UNFINISHED = new Set(['eof-in-tag', 'eof-in-comment', 'eof-in-doctype', 'eof-in-cdata', 'eof-before-tag-name', 'eof-in-script-html-comment-like-text']);

/** Relative URLs resolve against this; its scheme marks them. */
const RELATIVE_BASE = 'specbook-relative://page/';

/**
 * The scheme of a URL as a browser reads it (the WHATWG URL parser drops tabs, line breaks and
 * leading control characters), or undefined for a relative URL or one no browser can follow.
 */
function urlScheme(url: string): string | undefined {
	if (!URL.canParse(url, RELATIVE_BASE)) return undefined;
	const scheme = new URL(url, RELATIVE_BASE).protocol.slice(0, -1);
	return scheme === 'specbook-relative' ? undefined : scheme;
}

/** The scheme of a URL when it is not one the allow list permits for `property`. */
function refusedScheme(url: string, property: string): string | undefined {
	const scheme = urlScheme(url);
	if (scheme === undefined) return undefined;
	const allowed = SCHEMA.protocols[property] ?? SCHEMA.protocols['href'] ?? [];
	return allowed.includes(scheme) ? undefined : scheme;
}

/** The reason for a refused scheme: scripts in the standard wording, anything else by the allow list. */
function schemeReason(scheme: string, property: string): string | undefined {
	if (SCRIPT_SCHEMES.has(scheme)) return undefined;
	const allowed = SCHEMA.protocols[property] ?? SCHEMA.protocols['href'] ?? [];
	return `is not an allowed URL scheme here (use ${allowed.join(', ')} or a relative URL)`;
}

/** The URLs inside an attribute value, as the browser splits it. */
function urlsIn(value: string, shape: (typeof URL_ATTRIBUTES)[string]): string[] {
	switch (shape) {
		case 'url':
			return [value];
		case 'spaces':
			return value.split(/[\t\n\f\r ]+/u).filter(Boolean);
		case 'semicolons':
			return value.split(';');
		case 'srcset':
			return srcsetUrls(value);
	}
}

/** The image candidate URLs of a `srcset`, per the HTML standard's parsing steps (descriptors skipped). */
function srcsetUrls(value: string): string[] {
	const urls: string[] = [];
	const space = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\f' || char === '\r';
	let index = 0;
	while (index < value.length) {
		while (index < value.length && (space(value[index]) || value[index] === ',')) index++;
		const start = index;
		while (index < value.length && !space(value[index])) index++;
		let url = value.slice(start, index);
		if (url.endsWith(',')) {
			url = url.replace(/,+$/u, '');
		} else {
			// Descriptors run to the next comma outside parentheses.
			let depth = 0;
			while (index < value.length && (value[index] !== ',' || depth > 0)) {
				if (value[index] === '(') depth++;
				else if (value[index] === ')') depth = Math.max(0, depth - 1);
				index++;
			}
		}
		if (url) urls.push(url);
	}
	return urls;
}

/** Whether the allow list permits this property with this value on this element. */
function attributeAllowed(tagName: string, property: string, value: string | boolean | string[]): boolean {
	const rules = [...(SCHEMA.attributes[tagName] ?? []), ...(SCHEMA.attributes['*'] ?? [])];
	for (const rule of rules) {
		if (typeof rule === 'string') {
			if (rule === property || (rule === 'data*' && property.startsWith('data'))) return true;
			continue;
		}
		const [name, ...allowed] = rule;
		if (name !== property) continue;
		const values = Array.isArray(value) ? value : [value];
		if (values.every((item) => allowed.some((option) => (option instanceof RegExp ? option.test(String(item)) : option === item)))) return true;
	}
	return false;
}

/** An attribute as the schema sees it: its hast property name and value (`className: ['a', 'b']`, `disabled: true`). */
function asProperty(name: string, value: string, namespace: string): { property: string; value: string | boolean | string[] } {
	const info = find(namespace === SVG_NAMESPACE ? svgSpace : htmlSpace, name);
	if (info.boolean) return { property: info.property, value: true };
	if (info.spaceSeparated) return { property: info.property, value: value.split(/[\t\n\f\r ]+/u).filter(Boolean) };
	if (info.commaSeparated) return { property: info.property, value: value.split(',').map((item) => item.trim()) };
	return { property: info.property, value };
}
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** Maps a line and column inside a fragment's value to the file. */
function filePosition(fragment: HtmlFragment, line: number, column: number): Position {
	const columnStart = line === 1 ? fragment.position.column : (fragment.lineColumns[line - 1] ?? 1);
	return { line: fragment.position.line + line - 1, column: columnStart + column - 1 };
}

const parseOptions = (onParseError?: ParserOptions<DefaultTreeAdapterMap>['onParseError']): ParserOptions<DefaultTreeAdapterMap> => ({
	// As in a reader's browser: <noscript> holds raw text, not markup (hast-util-from-html turns scripting off).
	scriptingEnabled: true,
	sourceCodeLocationInfo: true,
	onParseError: onParseError ?? null,
});

/** Where a piece ends inside a tag, an attribute value or a comment, if it does. */
function unfinishedAt(fragment: HtmlFragment): Position | undefined {
	let found: Position | undefined;
	parse(fragment.value, parseOptions((error) => {
		if (UNFINISHED.has(error.code)) found ??= filePosition(fragment, error.startLine, error.startCol);
	}));
	return found;
}

type ParsedNode = DefaultTreeAdapterMap['node'];
type ParsedElement = DefaultTreeAdapterMap['element'];

/**
 * Every finding in a run of raw HTML pieces, parsed together as the browser reads them one after
 * the other (the Markdown between them renders as escaped text, which cannot open or close a tag):
 * `<noscript>` in one piece and `<p title="</noscript><img onerror=…>">` in the next is an image
 * with an event handler.
 */
function findInPieces(pieces: readonly HtmlFragment[]): UnsafeFinding[] {
	const starts: number[] = [];
	let text = '';
	for (const piece of pieces) {
		if (text) text += ' ';
		starts.push(text.length);
		text += piece.value;
	}
	const lineIndexes = new Map<HtmlFragment, LineIndex>();
	/** File position of an offset into the joined text. */
	const at = (offset = 0): Position => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (starts[middle]! <= offset) low = middle;
			else high = middle - 1;
		}
		const piece = pieces[low]!;
		let lines = lineIndexes.get(piece);
		if (!lines) lineIndexes.set(piece, (lines = new LineIndex(piece.value)));
		const local = lines.at(Math.min(offset - starts[low]!, piece.value.length));
		return filePosition(piece, local.line, local.column);
	};
	const findings: UnsafeFinding[] = [];
	const document = parse(text, parseOptions());
	const merged = mergedAttributeOffsets(document, text);
	// Iterative: raw HTML may nest thousands of elements deep.
	const stack: ParsedNode[] = [document];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if ('tagName' in node) findInElement(node, findings, (offset) => at(offset), merged);
		// A <template>'s contents are a separate fragment, still written by the author.
		if ('content' in node && node.content) stack.push(node.content);
		if ('childNodes' in node) for (let index = node.childNodes.length - 1; index >= 0; index--) stack.push(node.childNodes[index]!);
	}
	return findings;
}

/**
 * Where the attributes the parser moved onto its own <html> or <body> were written: a `<body onload>`
 * tag after other content adds its attributes to the body element, which has no location of its
 * own. Read from the tokens (the first tag to carry an attribute is the one that sets it).
 */
function mergedAttributeOffsets(document: DefaultTreeAdapterMap['document'], text: string): Map<string, number> {
	const offsets = new Map<string, number>();
	const html = document.childNodes.find((node) => 'tagName' in node && node.tagName === 'html') as ParsedElement | undefined;
	const body = html?.childNodes.find((node) => 'tagName' in node && node.tagName === 'body') as ParsedElement | undefined;
	if (![html, body].some((element) => element && !element.sourceCodeLocation && element.attrs.length > 0)) return offsets;
	const ignore = () => {};
	const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, {
		onStartTag: (token) => {
			if (token.tagName !== 'html' && token.tagName !== 'body') return;
			for (const attribute of token.attrs) {
				const key = `${token.tagName} ${attribute.name}`;
				const offset = token.location?.attrs?.[attribute.name]?.startOffset;
				if (offset !== undefined && !offsets.has(key)) offsets.set(key, offset);
			}
		},
		onComment: ignore, onDoctype: ignore, onEndTag: ignore, onEof: ignore, onCharacter: ignore, onNullCharacter: ignore, onWhitespaceCharacter: ignore,
	});
	tokenizer.write(text, true);
	return offsets;
}

/** Every finding in a body's raw HTML: runs of pieces are cut after a piece that is left unfinished. */
function findInHtml(html: readonly HtmlFragment[]): UnsafeFinding[] {
	const findings: UnsafeFinding[] = [];
	let run: HtmlFragment[] = [];
	for (const piece of html) {
		run.push(piece);
		const unfinished = unfinishedAt(piece);
		if (!unfinished) continue;
		findings.push({ kind: 'unsafe', what: 'an unclosed tag or comment at the end of this HTML', reason: 'makes the browser read the Markdown after it as part of it', position: unfinished });
		findings.push(...findInPieces(run));
		run = [];
	}
	if (run.length > 0) findings.push(...findInPieces(run));
	return findings;
}

function findInElement(element: ParsedElement, findings: UnsafeFinding[], at: (offset?: number) => Position, merged: ReadonlyMap<string, number>): void {
	const tag = element.tagName;
	const location = element.sourceCodeLocation;
	// The parser makes <html>, <head> and <body> itself (and <tbody>…); those have no location.
	const written = location !== undefined && location !== null;
	const allowedElement = written && SCHEMA.tagNames.has(tag);
	if (written && !allowedElement) {
		findings.push({
			kind: 'unsafe',
			what: `<${tag}>`,
			...(ACTIVE_ELEMENTS.has(tag.toLowerCase()) ? {} : { reason: 'is not on the list of allowed elements' }),
			position: at(location.startOffset),
		});
	}
	for (const attribute of element.attrs) {
		const name = (attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name).toLowerCase();
		const position = at(location?.attrs?.[name]?.startOffset ?? merged.get(`${tag} ${name}`) ?? location?.startOffset);
		const on = written ? ` on <${tag}>` : ` on a <${tag}> tag`;
		if (name.startsWith('data-pagefind')) {
			findings.push({ kind: 'pagefind', what: `${name}=${on}`, position });
			continue;
		}
		if (name.startsWith('on')) {
			findings.push({ kind: 'unsafe', what: `${name}= event handler${on}`, position });
			continue;
		}
		const { property, value } = asProperty(name, attribute.value, element.namespaceURI);
		const shape = URL_ATTRIBUTES[name];
		const scheme = shape ? urlsIn(attribute.value, shape).map((url) => refusedScheme(url, property)).find((found) => found !== undefined) : undefined;
		if (scheme) {
			const reason = schemeReason(scheme, property);
			findings.push({ kind: 'unsafe', what: `${scheme}: URL in ${name}=${on}`, ...(reason ? { reason } : {}), position });
		} else if (!written) {
			findings.push({ kind: 'unsafe', what: `${name}=${on}`, reason: 'is not on the list of allowed attributes', position });
		} else if (allowedElement && !attributeAllowed(tag, property, value)) {
			findings.push({ kind: 'unsafe', what: `${name}=${on}`, reason: 'is not on the list of allowed attributes', position });
		}
	}
}

/** How a Markdown URL is named in a message. */
const LINK_KIND = { link: 'a link', image: 'an image', definition: 'a reference definition' } as const;

/**
 * Every script-capable construct in the raw HTML and the URLs of a Markdown body, each located
 * where it is written, in reading order.
 */
export function findUnsafeHtml(html: readonly HtmlFragment[], links: readonly LinkReference[]): UnsafeFinding[] {
	const findings = findInHtml(html);
	for (const link of links) {
		const property = link.kind === 'image' ? 'src' : 'href';
		const scheme = refusedScheme(link.url, property);
		if (!scheme) continue;
		const reason = schemeReason(scheme, property);
		findings.push({ kind: 'unsafe', what: `${scheme}: URL in ${LINK_KIND[link.kind]}`, ...(reason ? { reason } : {}), position: link.position });
	}
	return findings.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}
