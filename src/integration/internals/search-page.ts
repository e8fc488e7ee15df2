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
/** Elements whose text Pagefind never indexes. */
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;

/**
 * The page as Pagefind needs it: its `<html>` tag (the page's language), its `<head>` without
 * scripts and styles, and its `<main data-pagefind-body>`; the page whole when anything else of it
 * carries a Pagefind attribute, or when it is not shaped as expected. Undefined for a page without
 * `data-pagefind-body`, which Pagefind leaves out of the index when other pages have one.
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

	let droppedAttribute = false;
	const head = html.slice(htmlTag[0].length, headEnd).replace(SCRIPT_OR_STYLE, (element) => {
		droppedAttribute ||= element.includes(PAGEFIND_ATTRIBUTE);
		return '';
	});
	// Between the head and <main>: the header, the sidebar and the tables of contents; after it, scripts.
	if (droppedAttribute || html.slice(headEnd, mainStart).includes(PAGEFIND_ATTRIBUTE) || html.slice(mainEnd).includes(PAGEFIND_ATTRIBUTE)) return html;
	return `<!doctype html>${htmlTag[1]}<head>${head}</head><body>${html.slice(mainStart, mainEnd)}</main></body></html>`;
}
