/**
 * The site built from test/fixtures/site/specs: five valid specs (nested folders, an upper-case path,
 * MDX, supersedes, durations and TBD phases) plus `_template.md` and `_archive/` that must not be
 * published. One build, many assertions about what a reader and other tools see.
 */
import { describe, expect, test } from 'vitest';
import { builtFixture } from '../helpers/fixtures.ts';
import { attribute, element, elements, hrefs, textOf } from '../helpers/html.ts';

const site = builtFixture('site');

const SPEC_IDS = ['early', 'identity/passkeys', 'payments/retry-v1', 'payments/retry-v2', 'platform/mesh'];
const mainOf = (path: string) => element(site.read(path), /<main[\s>]/) ?? '';
/** The sidebar's link list (the nav also holds the mobile menu button and theme picker). */
const sidebarOf = (path: string) => element(element(site.read(path), /<nav class="sidebar/) ?? '', /<ul class="top-level/) ?? '';

describe('pages', () => {
	test('every index, spec page and output exists', () => {
		const pages = [
			'/',
			'/specs/',
			...SPEC_IDS.map((id) => `/specs/${id}/`),
			'/status/draft/',
			'/status/in-review/',
			'/status/approved/',
			'/authors/',
			'/authors/ana-lima/',
			'/authors/bo-chen/',
			'/authors/cy-diaz/',
			'/authors/dee-evans/',
			'/404.html',
			'/api/specs.json',
			'/feed.xml',
			'/guide/',
			'/guide/writing-specs/',
			'/guide/format/',
			'/guide/diagnostics/',
			'/guide/configuration/',
		];
		for (const page of pages) expect(site.exists(page), page).toBe(true);
	});

	test('files starting with _ and files in _folders are not published', () => {
		const published = site.files().filter((file) => file.startsWith('specs/') && file.endsWith('index.html'));
		expect(published.sort()).toEqual(['specs/index.html', ...SPEC_IDS.map((id) => `specs/${id}/index.html`)].sort());
	});

	test('every internal link points at a page that was built', () => {
		// The guide's own pages are checked by the guide's tests (Starlight checks docs links).
		const htmlFiles = site.files().filter((file) => file.endsWith('.html') && !file.startsWith('guide/'));
		const broken: string[] = [];
		for (const file of htmlFiles) {
			for (const href of hrefs(site.read(file))) {
				if (!href.startsWith('/') || href.startsWith('//')) continue;
				const path = decodeURIComponent(href.split(/[?#]/)[0] as string);
				if (path.startsWith('/_astro/') || path.startsWith('/pagefind/')) continue;
				if (!site.exists(path)) broken.push(`${file} → ${href}`);
			}
		}
		expect(broken).toEqual([]);
	});
});

describe('spec page', () => {
	const page = () => site.read('/specs/payments/retry-v2/');
	const header = () => element(page(), /<header class="spec-header/) ?? '';

	test('the title is the Feature, and the body is rendered as written', () => {
		expect(textOf(element(page(), /<h1 id="_top"/) ?? '')).toBe('Retry policy v2');
		const body = textOf(element(page(), /<div class="spec-body/) ?? '');
		expect(body).toContain('Shadow mode');
		expect(body).toContain('A fixed backoff schedule, rejected after the zanzibar incident review.');
		expect(body).toContain('Enable for 10% of merchants');
	});

	test('inline code reads in its own direction (dir="auto"), as Starlight sets it', () => {
		expect(page()).toContain('<code dir="auto">decisions</code>');
	});

	test('the header shows the status as text, linked authors, last updated and tags', () => {
		const badge = element(header(), /<span class="status-badge/) ?? '';
		expect(textOf(badge)).toBe('In Review');
		const authorLinks = elements(header(), /<a href="\/authors\//);
		expect(authorLinks.map(textOf)).toEqual(['Ana Lima', 'Cy Diaz']);
		expect(authorLinks.map((a) => attribute(a, 'href'))).toEqual(['/authors/ana-lima/', '/authors/cy-diaz/']);
		expect(header()).toMatch(/<time datetime="2026-11-20"[^>]*>2026-11-20<\/time>/);
		expect(textOf(element(header(), /<ul class="tag-list/) ?? '')).toBe('payments reliability');
	});

	test('supersedes and superseded-by link both ways', () => {
		const supersedes = element(header(), /<div[^>]*>\s*<dt[^>]*>Supersedes/) ?? '';
		expect(hrefs(supersedes)).toEqual(['/specs/payments/retry-v1/']);
		expect(textOf(supersedes)).toContain('Retry policy v1');
		const old = element(site.read('/specs/payments/retry-v1/'), /<p class="superseded-notice/) ?? '';
		expect(textOf(old)).toBe('Superseded by Retry policy v2 .');
		expect(hrefs(old)).toEqual(['/specs/payments/retry-v2/']);
		// A spec nothing replaces says nothing about it.
		expect(page()).not.toMatch(/<p class="superseded-notice/);
	});

	test('the table of contents lists the sections, including ones the template lacks, and Overview once', () => {
		const toc = textOf(element(page(), /<nav aria-labelledby="starlight__on-this-page"/) ?? '');
		expect(toc).toContain('Implementation Phase 1: Shadow mode Phase 2: Enforcement Phase 3: Cleanup');
		expect(toc).toContain('Alternatives Considered');
		expect(toc.match(/Overview/g)).toHaveLength(1);
	});

	test('the edit link points at the source file under the configured base', () => {
		expect(hrefs(page())).toContain(
			'https://github.com/example/specbook/edit/main/test/fixtures/site/specs/payments/retry-v2.md',
		);
	});

	test('an upper-case path gets a lower-case id, and MDX components render', () => {
		expect(textOf(element(site.read('/specs/platform/mesh/'), /<h1 id="_top"/) ?? '')).toBe('Service mesh mTLS');
		const aside = element(site.read('/specs/identity/passkeys/'), /<aside[^>]*starlight-aside/) ?? '';
		expect(textOf(aside)).toContain('Recovery must never rely on the passkey alone.');
	});

	test('carries the search filters, metadata and sort key', () => {
		const html = page();
		expect(html).toContain('data-pagefind-body');
		const values = (kind: string, key: string) =>
			[...html.matchAll(new RegExp(`<[^>]*data-pagefind-${kind}="${key}"[^>]*>([^<]*)<`, 'g'))].map((m) => m[1]);
		expect(values('filter', 'status')).toEqual(['In Review']);
		expect(values('filter', 'author')).toEqual(['Ana Lima', 'Cy Diaz']);
		expect(values('filter', 'tag')).toEqual(['payments', 'reliability']);
		expect(values('meta', 'updated')).toEqual(['2026-11-20']);
		expect(values('sort', 'updated')).toEqual(['2026-11-20']);
		expect(html).toContain('data-pagefind-meta="feature:Retry policy v2"');
	});
});

describe('indexes', () => {
	test('index pages are not indexed for search; spec pages are', () => {
		for (const page of ['/', '/specs/', '/status/draft/', '/authors/', '/authors/ana-lima/', '/404.html']) {
			expect(site.read(page), page).not.toContain('data-pagefind-body');
		}
		for (const id of SPEC_IDS) expect(site.read(`/specs/${id}/`)).toContain('data-pagefind-body');
	});

	test('the table lists every spec, newest first, with status, authors, date and phase count', () => {
		const rows = elements(element(mainOf('/specs/'), /<tbody/) ?? '', /<tr[\s>]/).map(textOf);
		expect(rows).toEqual([
			'Early idea Draft Cy Diaz 2026-11-25 0',
			'Retry policy v2 In Review Ana Lima and Cy Diaz 2026-11-20 3 2027-01-04 → 2027-03-05',
			'Passkey sign-in Draft Bo Chen 2026-11-01 1',
			'Service mesh mTLS Approved Dee Evans 2026-09-15 1 2027-01-01 → 2027-03-31',
			'Retry policy v1 Approved Ana Lima and Bo Chen 2026-06-01 2 2026-07-01 → 2026-08-14',
		]);
	});

	test('each status page lists exactly the specs with that status', () => {
		const listed = (path: string) => elements(mainOf(path), /<li class="spec-card/).map((card) => textOf(element(card, /<a /) ?? ''));
		expect(listed('/status/draft/')).toEqual(['Early idea', 'Passkey sign-in']);
		expect(listed('/status/in-review/')).toEqual(['Retry policy v2']);
		expect(listed('/status/approved/')).toEqual(['Service mesh mTLS', 'Retry policy v1']);
		expect(textOf(mainOf('/status/draft/'))).toContain('2 specs');
	});

	test('authors are listed with their spec counts, and each page lists their specs', () => {
		const authors = elements(element(mainOf('/authors/'), /<ul class="author-index/) ?? '', /<li[\s>]/).map(textOf);
		expect(authors).toEqual(['Ana Lima 2 specs', 'Bo Chen 2 specs', 'Cy Diaz 2 specs', 'Dee Evans 1 spec']);
		const anas = elements(mainOf('/authors/ana-lima/'), /<li class="spec-card/).map((card) => textOf(element(card, /<a /) ?? ''));
		expect(anas).toEqual(['Retry policy v2', 'Retry policy v1']);
	});

	test('the home page counts specs per status and lists recent ones', () => {
		const summary = textOf(element(mainOf('/'), /<ul class="status-summary/) ?? '');
		expect(summary).toBe('5 All specs 2 Draft 1 In Review 2 Approved');
		const recent = elements(mainOf('/'), /<li class="spec-card/).map((card) => textOf(element(card, /<a /) ?? ''));
		expect(recent[0]).toBe('Early idea');
		expect(mainOf('/')).toMatch(/<form[^>]*action="\/search\/"[^>]*method="get"/);
	});

	test('the 404 page offers search and the indexes', () => {
		const main = mainOf('/404.html');
		expect(textOf(main)).toContain('Page not found');
		expect(hrefs(main)).toEqual(expect.arrayContaining(['/specs/', '/status/draft/', '/authors/', '/']));
	});
});

describe('sidebar', () => {
	test('links the indexes with counts and never a spec', () => {
		const sidebar = sidebarOf('/specs/payments/retry-v2/');
		expect(textOf(sidebar)).toBe(
			'Specs (5) By status Draft (2) In Review (1) Approved (2) Stale (0) Authors (4) Roadmap Search Guide Overview Writing a spec Format reference Diagnostics Configuration Start a new site Add to a Starlight site',
		);
		expect(hrefs(sidebar)).toEqual([
			'/specs/',
			'/status/draft/',
			'/status/in-review/',
			'/status/approved/',
			'/status/stale/',
			'/authors/',
			'/timeline/',
			'/search/',
			'/guide/',
			'/guide/writing-specs/',
			'/guide/format/',
			'/guide/diagnostics/',
			'/guide/configuration/',
			'/guide/new-site/',
			'/guide/existing-site/',
		]);
		// The marker used to place counts is not left in the page.
		expect(sidebar).not.toContain('data-specbook-count');
	});

	test('marks as current the link to the page it is on, and no other', () => {
		const pages = site.files().filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'));
		expect(pages.length).toBeGreaterThan(20);
		for (const file of pages) {
			const path = `/${file.replace(/index\.html$/u, '')}`;
			const sidebar = sidebarOf(path.endsWith('/') ? path : `/${file}`);
			if (!sidebar) continue;
			const current = elements(sidebar, /<a\s/u).filter((link) => attribute(link, 'aria-current') === 'page').map((link) => attribute(link, 'href'));
			expect(current, file).toEqual(hrefs(sidebar).includes(path) ? [path] : []);
		}
		// Pages the sidebar links, each marking itself (the guide's group opens on its pages).
		expect(attribute(element(sidebarOf('/guide/format/'), /<a href="\/guide\/format\/"/u) ?? '', 'aria-current')).toBe('page');
		expect(attribute(element(sidebarOf('/status/stale/'), /<a href="\/status\/stale\/"/u) ?? '', 'aria-current')).toBe('page');
	});

	test('is the same on every kind of page, the guide included', () => {
		const reference = textOf(sidebarOf('/'));
		for (const page of ['/specs/', '/status/approved/', '/authors/bo-chen/', '/guide/', '/specs/early/']) {
			expect(textOf(sidebarOf(page)), page).toBe(reference);
		}
	});
});

describe('/api/specs.json', () => {
	const api = () => JSON.parse(site.read('/api/specs.json')) as { specs: Record<string, unknown>[] };

	test('lists every published spec, sorted by id, with exactly the contract fields', () => {
		const { specs } = api();
		expect(specs.map((spec) => spec.id)).toEqual(SPEC_IDS);
		for (const spec of specs) {
			expect(Object.keys(spec)).toEqual([
				'id', 'url', 'path', 'feature', 'authors', 'lastUpdated', 'status', 'tags', 'supersedes', 'phases',
				'created', 'statusSince', 'revisions', 'contributors', 'history',
			]);
			for (const phase of spec.phases as Record<string, unknown>[]) {
				expect(Object.keys(phase)).toEqual(['number', 'name', 'timeline', 'start', 'end', 'durationDays', 'tasks', 'dependencies']);
			}
		}
	});

	test('gives dates, durations and plain-text tasks and dependencies', () => {
		expect(api().specs.find((spec) => spec.id === 'payments/retry-v2')).toEqual({
			id: 'payments/retry-v2',
			url: '/specs/payments/retry-v2/',
			path: 'test/fixtures/site/specs/payments/retry-v2.md',
			feature: 'Retry policy v2',
			authors: ['Ana Lima', 'Cy Diaz'],
			lastUpdated: '2026-11-20',
			status: 'In Review',
			tags: ['payments', 'reliability'],
			supersedes: ['payments/retry-v1'],
			phases: [
				{
					number: 1,
					name: 'Shadow mode',
					timeline: '2027-01-04 → 2027-02-12',
					start: '2027-01-04',
					end: '2027-02-12',
					durationDays: 40,
					tasks: ['Run the new planner beside the old one', 'Compare decisions daily'],
					dependencies: ['Phase 1 of Retry policy v1'],
				},
				// A duration starts the day after the previous phase ends.
				{ number: 2, name: 'Enforcement', timeline: '3 weeks', start: '2027-02-13', end: '2027-03-05', durationDays: 21, tasks: ['Switch traffic'], dependencies: [] },
				{ number: 3, name: 'Cleanup', timeline: 'TBD', start: null, end: null, durationDays: null, tasks: ['Delete the old planner'], dependencies: [] },
			],
			// A plain folder, outside git: no history (the history fixture has one).
			created: null,
			statusSince: null,
			revisions: 0,
			contributors: [],
			history: [],
		});
	});

	test('authors are names only, and a duration with no dated phase before it has no dates', () => {
		const specs = api().specs;
		expect(specs.find((spec) => spec.id === 'payments/retry-v1')?.authors).toEqual(['Ana Lima', 'Bo Chen']);
		expect(specs.find((spec) => spec.id === 'platform/mesh')?.authors).toEqual(['Dee Evans']);
		const passkeys = specs.find((spec) => spec.id === 'identity/passkeys');
		expect(passkeys?.phases).toEqual([
			{ number: 1, name: 'Web', timeline: '6 weeks', start: null, end: null, durationDays: 42, tasks: ['Build the endpoints'], dependencies: [] },
		]);
		expect(specs.find((spec) => spec.id === 'early')).toMatchObject({ status: 'Draft', phases: [], tags: [], supersedes: [] });
	});
});

describe('/feed.xml', () => {
	const items = () => [...site.read('/feed.xml').matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1] as string);
	const tag = (item: string, name: string) => [...item.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

	test('has one item per spec, newest first, linking to its page', () => {
		expect(items().map((item) => tag(item, 'title')[0])).toEqual([
			'Early idea',
			'Retry policy v2',
			'Passkey sign-in',
			'Service mesh mTLS',
			'Retry policy v1',
		]);
		expect(tag(items()[1] as string, 'link')).toEqual(['https://specbook.example.com/specs/payments/retry-v2/']);
		expect(tag(items()[1] as string, 'pubDate')).toEqual(['Fri, 20 Nov 2026 12:00:00 GMT']);
	});

	test('is announced in every page head', () => {
		for (const page of ['/', '/specs/', '/specs/payments/retry-v2/', '/guide/']) {
			expect(site.read(page), page).toMatch(/<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="\/feed.xml"/);
		}
	});

	test('links to itself and says when it last changed (the newest Last Updated)', () => {
		const feed = site.read('/feed.xml');
		expect(feed).toContain('<atom:link href="https://specbook.example.com/feed.xml" rel="self" type="application/rss+xml"/>');
		expect(tag(feed, 'lastBuildDate')).toEqual([tag(items()[0] as string, 'pubDate')[0]]);
	});

	test('gives each item its status and authors', () => {
		const item = items()[1] as string;
		expect(tag(item, 'description')[0]).toBe('Status: In Review. Authors: Ana Lima, Cy Diaz.');
		expect(tag(item, 'dc:creator')).toEqual(['Ana Lima', 'Cy Diaz']);
		expect(tag(item, 'category')).toEqual(['In Review', 'payments', 'reliability']);
	});
});
