/**
 * The search index Specbook builds in place of Starlight's step (src/integration/internals/search-index.ts)
 * must be the index Starlight would have built: each built site is indexed again here the way
 * Starlight does it (Pagefind's Node API over the whole pages), and every page's fragment (its
 * text, headings, metadata, filters and sort keys) must be the same in both.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, test } from 'vitest';
import { searchPage } from '../../src/integration/internals/search-page.ts';
import { builtFixture } from '../helpers/fixtures.ts';
import { pagefindFragments } from '../helpers/pagefind.ts';

const work = mkdtempSync(join(tmpdir(), 'specbook-search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The bundle Starlight's own step writes for the site in `outDir`. */
async function indexLikeStarlight(outDir: string, name: string): Promise<string> {
	const bundle = join(work, name);
	const { index, errors } = await pagefind.createIndex();
	expect(errors).toEqual([]);
	expect((await index!.addDirectory({ path: outDir })).errors).toEqual([]);
	expect((await index!.writeFiles({ outputPath: bundle })).errors).toEqual([]);
	await pagefind.close();
	return bundle;
}

// The sample specs; hostile Markdown under a base path; imported specs with their notes.
const SITES = {
	sample: () => builtFixture('sample'),
	hardening: () => builtFixture('hardening'),
	imported: () => builtFixture('imported'),
};

describe.each(Object.keys(SITES) as (keyof typeof SITES)[])('the search index of the %s site', (name) => {
	test('is built by Specbook from the pages cut to what Pagefind reads, not by Starlight', () => {
		const { output } = SITES[name]();
		expect(output).toMatch(/\[specbook:pagefind\] Found \d+ HTML files, [1-9]\d* of them marked for search\./u);
		expect(output).toMatch(/\[specbook:pagefind\] Finished building search index/u);
		expect(output).not.toContain('[starlight:pagefind]');
	});

	test('hands Pagefind each spec page cut to its <main>, not whole', () => {
		const { outDir } = SITES[name]();
		const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
		const marked = pages.map((file) => readFileSync(join(outDir, file), 'latin1')).filter((html) => html.includes('data-pagefind-body'));
		expect(marked.length).toBeGreaterThan(0);
		// The site's chrome (head scripts and styles, header, sidebar, tables of contents) is most of a page.
		for (const html of marked) expect(searchPage(html)!.length).toBeLessThan(html.length * 0.7);
	});

	test("holds every page as Starlight's own indexing would, word for word", async () => {
		const { outDir } = SITES[name]();
		const ours = pagefindFragments(join(outDir, 'pagefind'));
		const starlights = pagefindFragments(await indexLikeStarlight(outDir, name));
		expect(ours.size).toBeGreaterThan(0);
		expect([...ours.keys()].sort()).toEqual([...starlights.keys()].sort());
		for (const [url, fragment] of starlights) expect(ours.get(url), url).toEqual(fragment);
	});
});
