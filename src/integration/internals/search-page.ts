/**
 * What Pagefind reads of a built Starlight page. Pagefind indexes the element marked
 * `data-pagefind-body` and the `data-pagefind-*` attributes of the page, but it parses every byte
 * of every page first: at 5,000 specs, 282 MB of pages of which two thirds are the site's chrome
 * (inline styles and scripts, sidebar, both tables of contents), and 556 index pages it then drops.
 * Handing it each page without what it cannot index made it faster and smaller (`npm run bench`).
 *
 * Cut by string search, not by parsing: a parse of every page would cost more than it saves. A page
 * is cut only where the cut is plainly safe; any other page is handed over whole.
 */

/** The attribute Starlight gives `<main>` on every page Pagefind should index. */
const BODY_ATTRIBUTE = 'data-pagefind-body';
/** Any of Pagefind's attributes: where one is, Pagefind reads it, so that part must stay. */
const PAGEFIND_ATTRIBUTE = 'data-pagefind-';
/** Elements whose text Pagefind never indexes (a style may well name Pagefind's attributes in its selectors). */
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;
/**
 * What Pagefind reads from anywhere on a page besides its attributes: the title is the page's first
 * `<h1>`, and the image the first `<img>` after the title. Starlight puts both in `<main>`: an `<h1>`
 * before it (a header override), or either after it, leaves the page to Pagefind's own reading. A
 * logo before the title is no page's image.
 */
const READ_BEFORE_MAIN = /<h1\b/iu;
const READ_AFTER_MAIN = /<(?:h1|img)\b/iu;

/**
 * The page as Pagefind needs it: its `<html>` tag (the page's language), its `<head>` without
 * scripts and styles, and its `<main data-pagefind-body>`; the page whole when anything else of it
 * carries a Pagefind attribute, a heading or an image, or when it is not shaped as expected.
 * Undefined for a page without `data-pagefind-body`, which Pagefind leaves out of the index when
 * other pages have one.
 */
export function searchPage(html: string): string | undefined {
	const marked = html.indexOf(BODY_ATTRIBUTE);
	if (marked < 0) return undefined;
	// Two marked elements (or the attribute's name written in the text): left to Pagefind's own reading.
	if (html.indexOf(BODY_ATTRIBUTE, marked + BODY_ATTRIBUTE.length) >= 0) return html;
	const mainStart = html.lastIndexOf('<main', marked);
	const mainEnd = html.lastIndexOf('</main>');
	const htmlTag = /^\s*(?:<!doctype[^>]*>\s*)?(<html\b[^>]*>)\s*<head>/iu.exec(html);
	const headEnd = html.indexOf('</head>');
	const bodyStart = headEnd < 0 ? -1 : html.indexOf('<body', headEnd);
	const openTagEnd = mainStart < 0 ? -1 : html.indexOf('>', mainStart);
	if (!htmlTag || bodyStart < 0 || mainStart < bodyStart || openTagEnd < marked || mainEnd < openTagEnd) return html;

	let attributeDropped = false;
	const head = html.slice(htmlTag[0].length, headEnd).replace(SCRIPT_OR_STYLE, (element) => {
		attributeDropped ||= element.slice(0, element.indexOf('>')).includes(PAGEFIND_ATTRIBUTE);
		return '';
	});
	// A script or style left means its end was not found before `</head>` (`"</head>"` in a script).
	if (attributeDropped || /<(?:script|style)\b/iu.test(head)) return html;
	// Between the head and <main>: the header, the sidebar and the tables of contents; after it, scripts.
	const before = html.slice(headEnd, mainStart);
	const after = html.slice(mainEnd);
	if (before.includes(PAGEFIND_ATTRIBUTE) || after.includes(PAGEFIND_ATTRIBUTE) || READ_BEFORE_MAIN.test(before) || READ_AFTER_MAIN.test(after)) return html;
	return `<!doctype html>${htmlTag[1]}<head>${head}</head><body>${html.slice(mainStart, mainEnd)}</main></body></html>`;
}
