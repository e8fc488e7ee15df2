/**
 * The diagnostics table and the timeline forms write code in backticks (`npm run new`). Pages
 * render those spans as `<code>`; nothing else in the text is interpreted, so it stays plain text.
 */

/** A run of text, in code or not. */
export interface TextSpan {
	text: string;
	code: boolean;
}

/** Splits `text` at backticks; an unpaired backtick is kept as text. */
export function codeSpans(text: string): TextSpan[] {
	const spans: TextSpan[] = [];
	let rest = text;
	for (let match = /`([^`]+)`/u.exec(rest); match; match = /`([^`]+)`/u.exec(rest)) {
		if (match.index > 0) spans.push({ text: rest.slice(0, match.index), code: false });
		spans.push({ text: match[1]!, code: true });
		rest = rest.slice(match.index + match[0].length);
	}
	if (rest) spans.push({ text: rest, code: false });
	return spans;
}
