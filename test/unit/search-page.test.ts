/**
 * searchPage() (src/integration/internals/search-page.ts): what Pagefind is handed of a built page.
 * The cut may only drop what Pagefind cannot index; anything it is unsure of goes over whole.
 * test/integration/search-index-parity.test.ts checks the resulting index against Starlight's.
 */
import { describe, expect, it } from 'vitest';
import { searchPage } from '../../src/integration/internals/search-page.ts';

/** A page shaped as Starlight writes one, with `parts` in its regions. */
function page(parts: { head?: string; header?: string; main?: string; after?: string } = {}): string {
	return [
		'<!DOCTYPE html><html lang="fr" dir="ltr" data-theme="dark"><head><meta charset="utf-8"><title>Clés</title>',
		'<style>:root{--x:1}</style><script type="module">console.log("</div>")</script>',
		parts.head ?? '',
		'</head><body class="sl"><header>Site title<nav class="sidebar">Specs · Status · Authors</nav></header>',
		parts.header ?? '',
		'<main data-pagefind-body lang="fr"><h1 id="_top">Clés</h1>',
		parts.main ?? '<p data-pagefind-filter="status">Approved</p><p>The body.</p>',
		'</main><footer>Edit page</footer>',
		parts.after ?? '',
		'<script>window.x = 1</script></body></html>',
	].join('');
}

describe('searchPage', () => {
	it('keeps the language, the head without scripts and styles, and the marked <main>', () => {
		const cut = searchPage(page())!;
		expect(cut).toBe(
			'<!doctype html><html lang="fr" dir="ltr" data-theme="dark"><head><meta charset="utf-8"><title>Clés</title></head>' +
				'<body><main data-pagefind-body lang="fr"><h1 id="_top">Clés</h1><p data-pagefind-filter="status">Approved</p><p>The body.</p></main></body></html>'
		);
	});

	it('leaves out a page without data-pagefind-body', () => {
		expect(searchPage('<!DOCTYPE html><html lang="en"><head></head><body><main><h1>Specs</h1></main></body></html>')).toBeUndefined();
	});

	it('hands over the whole page when a Pagefind attribute is outside <main>', () => {
		for (const parts of [
			{ header: '<span data-pagefind-meta="team:Payments"></span>' },
			{ after: '<div data-pagefind-filter="area">Ledger</div>' },
			{ head: '<script data-pagefind-meta="x:y">1</script>' },
		]) {
			expect(searchPage(page(parts))).toBe(page(parts));
		}
	});

	it("hands over the whole page when its title or image could come from outside <main>", () => {
		// Pagefind's title is the page's first <h1>, and its image the first <img> after the title.
		for (const parts of [{ header: '<h1>Acme Docs</h1>' }, { after: '<img src="/footer.png" alt="">' }, { after: '<h1>Colophon</h1>' }]) {
			expect(searchPage(page(parts))).toBe(page(parts));
		}
		// A logo before the title is no page's image.
		expect(searchPage(page({ header: '<img src="/logo.svg" alt="Acme">' }))).not.toContain('logo.svg');
	});

	it('still cuts a page whose scripts or styles name Pagefind attributes in their text', () => {
		const cut = searchPage(page({ head: "<style>[data-pagefind-ui-meta='feature']{display:none}</style><script>document.querySelector('[data-pagefind-filter]')</script>" }))!;
		expect(cut).not.toContain('display:none');
		expect(cut).toContain('<p>The body.</p>');
	});

	it('hands over the whole page when a head script holds the text "</head>"', () => {
		const tricky = page({ head: '<script>document.write("</head>")</script>' });
		expect(searchPage(tricky)).toBe(tricky);
	});

	it('keeps Pagefind attributes in the head', () => {
		const cut = searchPage(page({ head: '<meta data-pagefind-meta="image:/a.png">' }))!;
		expect(cut).toContain('<head><meta charset="utf-8"><title>Clés</title><meta data-pagefind-meta="image:/a.png"></head>');
	});

	it('hands over the whole page when it has two marked elements, or the attribute written in its text', () => {
		const twice = page({ main: '<p>Set <code>data-pagefind-body</code> on the element to index.</p>' });
		expect(searchPage(twice)).toBe(twice);
	});

	it('hands over the whole page when it is not shaped as Starlight writes pages', () => {
		const bare = '<html><body><main data-pagefind-body><p>Text</p></main></body></html>';
		expect(searchPage(bare)).toBe(bare);
		const marked = '<!DOCTYPE html><html lang="en"><head></head><body><div data-pagefind-body><p>Text</p></div></body></html>';
		expect(searchPage(marked)).toBe(marked);
	});
});
