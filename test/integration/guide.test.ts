/**
 * The site built once under a non-root base (`--base /handbook/`): every internal link, the JSON
 * API's URLs and the feed's links include it; and the guide as built there: every diagnostic code has its entry at
 * `/guide/diagnostics/#<code>`, the format reference shows every label of the schema, the timeline
 * table shows the parser's dates, every link resolves, and no guide page is indexed as a spec.
 */
import { describe, expect, test } from 'vitest';
import { DIAGNOSTIC_EXAMPLES } from '../../src/site/guide/diagnostic-examples.ts';
import { DIAGNOSTICS, type DiagnosticCode } from '../../src/core/diagnostics.ts';
import { templateOutline, type OutlineSection } from '../../src/core/schema.ts';
import { formRows } from '../../src/site/guide/timeline.ts';
import { GUIDE_PAGES } from '../../src/site/guide/nav.ts';
import { builtFixture } from '../helpers/fixtures.ts';
import { element, elements, hrefs, textOf } from '../helpers/html.ts';

const BASE = '/handbook';
const site = builtFixture('site-under-base');

const mainOf = (path: string) => element(site.read(path), /<main[\s>]/) ?? '';
/** The element carrying `id="<id>"`, up to its closing tag. */
const byId = (html: string, id: string) => element(html, new RegExp(`<[a-z0-9]+[^>]*\\sid="${id}"`));
/**
 * Text without any white space: code blocks split lines into highlighted tokens and `textOf` puts a
 * space for every tag, so compare what is left once spaces are gone.
 */
const squash = (text: string) => text.replace(/\s+/g, '');
/** The first non-empty line of a snippet. */
const firstLine = (snippet: string) => snippet.split('\n').find((line) => line.trim()) ?? '';

describe('/guide/diagnostics/', () => {
	const codes = Object.keys(DIAGNOSTICS) as DiagnosticCode[];

	test('has an entry for every code, whose id is the code in lower case', () => {
		const html = mainOf('/guide/diagnostics/');
		for (const code of codes) {
			const ids = [...html.matchAll(new RegExp(`\\sid="${code.toLowerCase()}"`, 'g'))];
			expect(ids.length, code).toBe(1);
		}
	});

	test('each entry says what triggers it, shows a wrong and a right example, and how to fix it', () => {
		const html = mainOf('/guide/diagnostics/');
		for (const code of codes) {
			const heading = byId(html, code);
			const section = element(html.slice(html.lastIndexOf('<section', html.indexOf(heading!))), /<section/);
			const text = squash(textOf(section ?? ''));
			const kind = DIAGNOSTICS[code];
			const example = DIAGNOSTIC_EXAMPLES[code];
			expect(text, code).toContain(squash(kind.title));
			expect(text, code).toContain(squash(kind.hint.replace(/`/g, '')));
			expect(text, code).toContain('Wrong');
			expect(text, code).toContain('Right');
			expect(text, code).toContain(squash(firstLine(example.right)));
			if (example.wrong) expect(text, code).toContain(squash(firstLine(example.wrong)));
		}
	});
});

describe('/guide/format/', () => {
	function labels(sections: readonly OutlineSection[]): { label: string; placeholder: string }[] {
		return sections.flatMap((section) => [...section.fields, ...(section.phaseFields ?? []), ...labels(section.subsections)]);
	}

	test('has a table row for every label of the schema, with its placeholder', () => {
		// Rows of the reference tables only: the blank template further down names every label too.
		const tables = elements(mainOf('/guide/format/'), /<table class="format-table/).join('');
		const rows = elements(tables, /<tr[\s>]/).map((row) => textOf(row));
		const all = labels(templateOutline());
		expect(rows.length).toBeGreaterThanOrEqual(all.length);
		for (const { label, placeholder } of all) {
			expect(rows.some((row) => row.startsWith(`${label} `) && row.includes(placeholder)), `${label} ${placeholder}`).toBe(true);
		}
	});
});

describe('/guide/writing-specs/', () => {
	test('shows every timeline form with the dates the parser computes', () => {
		const text = squash(textOf(mainOf('/guide/writing-specs/')));
		for (const row of formRows()) {
			expect(text).toContain(squash(row.written));
			if (row.start && row.end) expect(text).toContain(squash(`${row.written} ${row.start} → ${row.end} ${row.durationDays} days`));
		}
	});
});

describe('every guide page', () => {
	const pages = GUIDE_PAGES.map((page) => page.link);

	test('is built', () => {
		for (const page of pages) expect(site.exists(page), page).toBe(true);
	});

	test('links only to pages and anchors that exist, under the base', () => {
		const broken: string[] = [];
		for (const page of pages) {
			for (const href of hrefs(mainOf(page))) {
				if (/^[a-z]+:/i.test(href)) continue;
				const url = new URL(href, `https://docs.example.org${BASE}${page}`);
				if (!url.pathname.startsWith(`${BASE}/`)) {
					broken.push(`${page} → ${href} (outside the base)`);
					continue;
				}
				const path = decodeURIComponent(url.pathname.slice(BASE.length));
				if (!site.exists(path)) {
					broken.push(`${page} → ${href}`);
					continue;
				}
				const anchor = url.hash.slice(1);
				if (anchor && !site.read(path).includes(` id="${anchor}"`)) broken.push(`${page} → ${href} (no such anchor)`);
			}
		}
		expect(broken).toEqual([]);
	});

	test('is left out of the search index, which is for specs', () => {
		for (const page of pages) expect(site.read(page), page).not.toContain('data-pagefind-body');
	});
});

describe('the whole site under the base', () => {
	/** Internal links of a page: site-relative hrefs that are not assets. */
	const internalLinks = (file: string) =>
		hrefs(site.read(file)).filter((href) => href.startsWith('/') && !href.startsWith('//') && !/\.(css|svg|js)$/.test(href));

	test('every internal link on our pages starts with the base and resolves', () => {
		const pages = site.files().filter((file) => file.endsWith('.html') && !file.startsWith('guide/'));
		expect(pages.length).toBeGreaterThan(10);
		const outside: string[] = [];
		const broken: string[] = [];
		for (const file of pages) {
			for (const href of internalLinks(file)) {
				if (!href.startsWith(`${BASE}/`)) {
					outside.push(`${file} → ${href}`);
					continue;
				}
				const path = decodeURIComponent(href.slice(BASE.length).split(/[?#]/)[0] as string);
				if (!site.exists(path)) broken.push(`${file} → ${href}`);
			}
		}
		expect(outside).toEqual([]);
		expect(broken).toEqual([]);
	});

	test('the sidebar, the spec header and the search form use the base', () => {
		const page = site.read('/specs/payments/retry-v2/');
		expect(hrefs(element(page, /<ul class="top-level/) ?? '')).toContain(`${BASE}/status/in-review/`);
		expect(hrefs(element(page, /<header class="spec-header/) ?? '')).toEqual(
			expect.arrayContaining([`${BASE}/authors/ana-lima/`, `${BASE}/specs/payments/retry-v1/`]),
		);
		expect(site.read('/')).toMatch(new RegExp(`<form[^>]*action="${BASE}/search/"`));
	});

	test('the JSON API and the feed give URLs under the base', () => {
		const { specs } = JSON.parse(site.read('/api/specs.json')) as { specs: { id: string; url: string }[] };
		expect(specs.find((spec) => spec.id === 'platform/mesh')?.url).toBe(`${BASE}/specs/platform/mesh/`);
		expect(site.read('/feed.xml')).toContain(`<link>https://docs.example.org${BASE}/specs/payments/retry-v2/</link>`);
	});
});
