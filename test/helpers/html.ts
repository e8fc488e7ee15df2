/**
 * Small readers for built HTML, enough for assertions on our own markup (no DOM in Node tests).
 */

/** Decode the entities Astro emits in text and attributes. */
export function decode(text: string): string {
	return text
		.replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
		.replace(/&#x([0-9a-f]+);/gi, (_, code) => String.fromCodePoint(Number.parseInt(code, 16)))
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** Text content: tags removed, whitespace collapsed. */
export function textOf(html: string): string {
	return decode(html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
}

/** Every `href` in the fragment, decoded, in document order. */
export function hrefs(html: string): string[] {
	return [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => decode(match[1] as string));
}

/** The first element whose opening tag matches `open` (e.g. /<nav class="sidebar/), up to its closing tag. */
export function element(html: string, open: RegExp): string | undefined {
	const start = html.search(open);
	if (start === -1) return undefined;
	const tag = /^<([a-z0-9-]+)/i.exec(html.slice(start))?.[1];
	if (!tag) return undefined;
	// Count nested elements of the same name to find the matching close tag.
	const pattern = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'gi');
	pattern.lastIndex = start;
	let depth = 0;
	for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
		depth += match[0].startsWith('</') ? -1 : 1;
		if (depth === 0) return html.slice(start, match.index + match[0].length);
	}
	return undefined;
}

/** Every element whose opening tag matches `open`. */
export function elements(html: string, open: RegExp): string[] {
	const found: string[] = [];
	let rest = html;
	for (let el = element(rest, open); el; el = element(rest, open)) {
		found.push(el);
		rest = rest.slice(rest.indexOf(el) + el.length);
	}
	return found;
}

/** The value of an attribute on the first opening tag of the fragment. */
export function attribute(html: string, name: string): string | undefined {
	const open = /^<[^>]*>/.exec(html)?.[0] ?? '';
	const match = new RegExp(`\\s${name}(?:="([^"]*)")?[\\s>/]`).exec(open);
	return match ? decode(match[1] ?? '') : undefined;
}
