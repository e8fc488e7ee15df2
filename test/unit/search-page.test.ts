/**
 * searchPage() (src/integration/internals/search-page.ts): what Pagefind is handed of a built page.
 * The cut may only drop what Pagefind cannot index; anything it is unsure of goes over whole.
 * test/integration/search-index.test.ts checks the resulting index against Starlight's.
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
