/**
 * The pure queries behind the pages: ordering, grouping by status and author, supersedes links,
 * the JSON contract and the feed items.
 */
import { describe, expect, test } from 'vitest';
import type { Author, Phase } from '../../src/core/model.ts';
import { toApiDocument } from '../../src/site/api.ts';
import { escapeXml, feedItems } from '../../src/site/feed.ts';
import { authorsOf, recentlyUpdated, specsWithStatus, supersededBy } from '../../src/site/specs.ts';
import { countByStatus, statusFromSlug, statusSlug } from '../../src/site/status.ts';
import { specRecord } from '../helpers/spec-record.ts';
import { editUrl, searchUrl, specUrl, statusUrl, withBase } from '../../src/site/urls.ts';

const author = (name: string, slug = name.toLowerCase().replace(/\s+/g, '-')): Author => ({ name, slug });

const phase = (overrides: Partial<Phase> = {}): Phase => ({
	number: 1,
	name: 'Foundations',
	timeline: '2027-01-04 → 2027-01-08',
	start: '2027-01-04',
	end: '2027-01-08',
	durationDays: 5,
	tasks: ['Build it'],
	dependencies: [],
	dependencyLinks: [],
	position: { line: 20, column: 1 },
	timelinePosition: { line: 24, column: 17 },
	...overrides,
});

const spec = specRecord;

describe('urls', () => {
	test('apply the base once, whatever its slashes', () => {
		expect(withBase('/specs/', '/')).toBe('/specs/');
		expect(withBase('/specs/', '/docs')).toBe('/docs/specs/');
		expect(withBase('/specs/', '/docs/')).toBe('/docs/specs/');
		expect(specUrl('payments/retry', '/docs/')).toBe('/docs/specs/payments/retry/');
		expect(statusUrl('In Review', '/')).toBe('/status/in-review/');
	});

	test('search links carry only the given parameters, encoded', () => {
		expect(searchUrl({}, '/')).toBe('/search/');
		expect(searchUrl({ tag: 'c++ & rust' }, '/')).toBe('/search/?tag=c%2B%2B+%26+rust');
	});

	test('edit links append the source path, and exist only for files in the repository', () => {
		expect(editUrl('specs/a.md', 'https://git.example/edit/main')).toBe('https://git.example/edit/main/specs/a.md');
		expect(editUrl('specs/a.md', undefined)).toBeUndefined();
		expect(editUrl('../elsewhere/a.md', 'https://git.example/edit/main/')).toBeUndefined();
	});
});

describe('status', () => {
	test('slugs round-trip and counts include every status', () => {
		expect(statusSlug('In Review')).toBe('in-review');
		expect(statusFromSlug('in-review')).toBe('In Review');
		expect(statusFromSlug('done')).toBeUndefined();
		expect(countByStatus([spec('a'), spec('b', { status: 'Approved' }), spec('c')])).toEqual({
			Draft: 2,
			'In Review': 0,
			Approved: 1,
		});
	});
});

describe('queries', () => {
	const specs = [
		spec('b', { feature: 'Beta', lastUpdated: '2026-10-01', status: 'Approved' }),
		spec('a', { feature: 'Alpha', lastUpdated: '2026-11-01', authors: [author('Ana Lima'), author('Bo Chen')] }),
		spec('c', { feature: 'Gamma', lastUpdated: '2026-11-01', authors: [author('ana lima', 'ana-lima')] }),
	];

	test('newest first, ties by feature name', () => {
		expect(recentlyUpdated(specs, 2).map((s) => s.id)).toEqual(['a', 'c']);
		expect(specsWithStatus(specs, 'Draft').map((s) => s.id)).toEqual(['a', 'c']);
	});

	test('authors are grouped by slug, named as first written, with their specs newest first', () => {
		expect(authorsOf(specs).map(({ slug, name, specs }) => [slug, name, specs.map((s) => s.id)])).toEqual([
			['ana-lima', 'Ana Lima', ['a', 'c', 'b']],
			['bo-chen', 'Bo Chen', ['a']],
		]);
	});

	test('a spec listing the same author twice counts once for them', () => {
		const twice = spec('d', { authors: [author('Ana Lima'), author('Ana Lima')] });
		expect(authorsOf([twice])[0]?.specs).toHaveLength(1);
	});

	test('superseded-by is the reverse of supersedes', () => {
		const v2 = spec('v2', { supersedes: ['v1'] });
		const v3 = spec('v3', { supersedes: ['v1', 'v2'], lastUpdated: '2026-11-02' });
		const map = supersededBy([spec('v1'), v2, v3]);
		expect(map.get('v1')?.map((s) => s.id)).toEqual(['v3', 'v2']);
		expect(map.get('v2')?.map((s) => s.id)).toEqual(['v3']);
		expect(map.has('v3')).toBe(false);
	});
});

describe('JSON API', () => {
	test('sorts by id and publishes exactly the contract fields', () => {
		const doc = toApiDocument(
			[
				spec('z/last'),
				spec('a/first', { authors: [{ name: 'Ana Lima', slug: 'ana-lima', email: 'ana@example.com', handle: 'ana' }], phases: [phase()] }),
			],
			'/',
		);
		expect(doc.specs.map((s) => s.id)).toEqual(['a/first', 'z/last']);
		expect(doc.specs[0]).toEqual({
			id: 'a/first',
			url: '/specs/a/first/',
			path: 'specs/a/first.md',
			feature: 'a/first',
			authors: ['Ana Lima'],
			lastUpdated: '2026-11-01',
			status: 'Draft',
			tags: [],
			supersedes: [],
			phases: [
				{
					number: 1,
					name: 'Foundations',
					timeline: '2027-01-04 → 2027-01-08',
					start: '2027-01-04',
					end: '2027-01-08',
					durationDays: 5,
					tasks: ['Build it'],
					dependencies: [],
				},
			],
			created: null,
			statusSince: null,
			revisions: 0,
			contributors: [],
			history: [],
		});
	});

	test('publishes the history fields from git', () => {
		const commit = 'a'.repeat(40);
		const history = [
			{ date: '2026-01-05', status: 'Draft' as const, commit },
			{ date: '2026-02-10', status: 'In Review' as const, commit },
		];
		const [published] = toApiDocument([spec('x', { status: 'In Review', created: '2026-01-05', statusSince: '2026-02-10', revisions: 7, contributors: ['Bo Chen', 'Ana Lima'], history })], '/').specs;
		expect(published).toMatchObject({ created: '2026-01-05', statusSince: '2026-02-10', revisions: 7, contributors: ['Bo Chen', 'Ana Lima'], history });
	});
});

describe('feed', () => {
	test('keeps the newest 50, each with status and authors', () => {
		const many = Array.from({ length: 60 }, (_, index) =>
			spec(`s${index}`, { lastUpdated: `2026-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}` }),
		);
		const items = feedItems(many, '/');
		expect(items).toHaveLength(50);
		const dates = items.map((item) => (item.pubDate as Date).toISOString());
		expect(dates).toEqual([...dates].sort().reverse());
		expect(items[0]?.description).toBe('Status: Draft. Authors: Ana Lima.');
	});

	test('escapes author names inside custom XML', () => {
		expect(escapeXml('Tom & "Jerry" <tj>')).toBe('Tom &#38; &#34;Jerry&#34; &#60;tj&#62;');
		const [item] = feedItems([spec('x', { authors: [author('A <b> & C')] })], '/');
		expect(item?.customData).toBe('<dc:creator>A &#60;b&#62; &#38; C</dc:creator>');
	});
});
