/** The sidebar counts, the table of contents fix, the table sort and the specs folder setting. */
import { describe, expect, test } from 'vitest';
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { resolveContext } from '../../src/context.ts';
import { SpecbookConfigSchema } from '../../src/integration/config.ts';
import { markCurrentEntry } from '../../src/integration/internals/sidebar-current-entry.ts';
import { addSidebarCounts, COUNT_ATTRIBUTE, LINK_ATTRIBUTE, sidebarConfig, unlocalizeOwnLinks } from '../../src/site/sidebar.ts';
import { nextDirection, sortOrder } from '../../src/site/table-sort.ts';
import { dropDuplicateTopEntry } from '../../src/integration/internals/toc-top-entry.ts';

type Sidebar = StarlightRouteData['sidebar'];
const link = (label: string, attrs: Record<string, string> = {}, href = '/x/', isCurrent = false) =>
	({ type: 'link', label, href, isCurrent, badge: undefined, attrs }) as Sidebar[number];
const currentLabels = (entries: Sidebar): string[] =>
	entries.flatMap((entry) => (entry.type === 'group' ? currentLabels(entry.entries) : entry.isCurrent ? [entry.label] : []));

describe('sidebar', () => {
	test('links only the indexes, whatever the specs', () => {
		const links = JSON.stringify(sidebarConfig([])).match(/"link":"[^"]*"/g);
		expect(links).toEqual([
			'"link":"/specs/"',
			'"link":"/status/draft/"',
			'"link":"/status/in-review/"',
			'"link":"/status/approved/"',
			'"link":"/status/stale/"',
			'"link":"/authors/"',
			'"link":"/timeline/"',
			'"link":"/search/"',
			'"link":"/guide/"',
			'"link":"/guide/writing-specs/"',
			'"link":"/guide/format/"',
			'"link":"/guide/diagnostics/"',
			'"link":"/guide/configuration/"',
			'"link":"/guide/new-site/"',
			'"link":"/guide/existing-site/"',
		]);
	});

	test("in a host site: after the host's own entries, as one group, every link under the prefix", () => {
		const host = [{ label: 'Handbook', items: [{ autogenerate: { directory: 'handbook' } }] }];
		const sidebar = sidebarConfig(host, '/rfcs/');
		expect(sidebar[0]).toEqual(host[0]);
		expect(sidebar).toHaveLength(2);
		expect(sidebar[1]).toMatchObject({ label: 'Specs' });
		const links = JSON.stringify(sidebar[1]).match(/"link":"[^"]*"/g) ?? [];
		expect(links).toHaveLength(15);
		expect(links.filter((each) => !each.startsWith('"link":"/rfcs/'))).toEqual([]);
		expect(links).toContain('"link":"/rfcs/status/in-review/"');
	});

	test('counts go into marked labels, nested groups included, and the marker is removed', () => {
		const sidebar: Sidebar = [
			link('Specs', { [COUNT_ATTRIBUTE]: 'specs' }),
			{ type: 'group', label: 'By status', collapsed: false, badge: undefined, entries: [link('In Review', { [COUNT_ATTRIBUTE]: 'In Review' })] },
			link('Roadmap'),
		];
		addSidebarCounts(sidebar, { specs: 12, authors: 3, stale: 1, Draft: 4, 'In Review': 0, Approved: 8 });
		expect(JSON.stringify(sidebar)).not.toContain(COUNT_ATTRIBUTE);
		expect(sidebar[0]?.label).toBe('Specs (12)');
		expect(sidebar[1]?.type === 'group' && sidebar[1].entries[0]?.label).toBe('In Review (0)');
		expect(sidebar[2]?.label).toBe('Roadmap');
	});
});

describe("Specbook's links on a page of another locale", () => {
	const sidebar = (): Sidebar => [
		link('Handbook', {}, '/docs/fr/handbook/'),
		{ type: 'group', label: 'Specs', collapsed: false, badge: undefined, entries: [link('Specs', { [LINK_ATTRIBUTE]: '' }, '/docs/fr/rfcs/specs/'), link('Roadmap', { [LINK_ATTRIBUTE]: '' }, '/docs/fr/rfcs/timeline/')] },
	];
	const hrefs = (entries: Sidebar): string[] => entries.flatMap((entry) => (entry.type === 'group' ? hrefs(entry.entries) : [entry.href]));

	test('lead to its pages, which are not translated; the site\'s own links keep their locale', () => {
		const entries = sidebar();
		unlocalizeOwnLinks(entries, 'fr', '/docs/');
		expect(hrefs(entries)).toEqual(['/docs/fr/handbook/', '/docs/rfcs/specs/', '/docs/rfcs/timeline/']);
		expect(JSON.stringify(entries)).not.toContain(LINK_ATTRIBUTE);
	});

	test('every link of Specbook carries the mark, and nothing changes at the root locale', () => {
		const marked = JSON.stringify(sidebarConfig([])).match(new RegExp(`"${LINK_ATTRIBUTE}"`, 'gu')) ?? [];
		expect(marked.length).toBe((JSON.stringify(sidebarConfig([])).match(/"link":/gu) ?? []).length);
		const entries = sidebar();
		unlocalizeOwnLinks(entries, undefined, '/docs/');
		expect(hrefs(entries)).toEqual(['/docs/fr/handbook/', '/docs/fr/rfcs/specs/', '/docs/fr/rfcs/timeline/']);
	});
});

describe('current sidebar link', () => {
	// As another page rendering at the same time can leave Starlight's shared sidebar: its own link marked.
	const sidebar = (): Sidebar => [
		link('Specs', {}, '/docs/specs/', true),
		{ type: 'group', label: 'Guide', collapsed: true, badge: undefined, entries: [link('Guide', {}, '/docs/guide/'), link('Writing specs', {}, '/docs/guide/writing-specs/')] },
		link('Search', {}, '/docs/search/'),
	];

	test("marks the page's own link, and only it", () => {
		const entries = sidebar();
		markCurrentEntry(entries, '/docs/guide/writing-specs/');
		expect(currentLabels(entries)).toEqual(['Writing specs']);
	});

	test('matches with or without a trailing slash or .html, and encoded paths', () => {
		for (const pathname of ['/docs/search', '/docs/search/', '/docs/search.html']) {
			const entries = sidebar();
			markCurrentEntry(entries, pathname);
			expect(currentLabels(entries)).toEqual(['Search']);
		}
		const entries: Sidebar = [link('Zoë', {}, '/docs/authors/zoë/')];
		markCurrentEntry(entries, '/docs/authors/zo%C3%AB/');
		expect(currentLabels(entries)).toEqual(['Zoë']);
	});

	test('marks nothing on a page the sidebar does not link (a spec page)', () => {
		const entries = sidebar();
		markCurrentEntry(entries, '/docs/specs/payments/retry/');
		expect(currentLabels(entries)).toEqual([]);
	});
});

describe('table of contents', () => {
	const item = (text: string, slug = text.toLowerCase()) => ({ depth: 2, slug, text, children: [] });

	test('drops the page-top entry when a section has the same name', () => {
		const toc = { minHeadingLevel: 2, maxHeadingLevel: 3, items: [item('Overview', '_top'), item('Overview'), item('Background')] };
		dropDuplicateTopEntry(toc);
		expect(toc.items.map((i) => i.slug)).toEqual(['overview', 'background']);
	});

	test('keeps it otherwise', () => {
		const toc = { minHeadingLevel: 2, maxHeadingLevel: 3, items: [item('Overview', '_top'), item('Install')] };
		dropDuplicateTopEntry(toc);
		expect(toc.items.map((i) => i.slug)).toEqual(['_top', 'install']);
	});
});

describe('table sort', () => {
	test('sorts text case-insensitively and numbers numerically, keeping ties in server order', () => {
		expect(sortOrder(['beta', 'Alpha', 'alpha', 'gamma'], 'text', 'ascending')).toEqual([1, 2, 0, 3]);
		expect(sortOrder(['10', '9', '10'], 'number', 'descending')).toEqual([0, 2, 1]);
		expect(sortOrder(['2026-01-02', '2026-11-01'], 'text', 'descending')).toEqual([1, 0]);
	});

	test('a second click reverses; another column starts at its default', () => {
		expect(nextDirection({ column: 'updated', direction: 'descending' }, 'updated', 'descending')).toBe('ascending');
		expect(nextDirection({ column: 'updated', direction: 'descending' }, 'feature', 'ascending')).toBe('ascending');
	});
});

describe('specs folder', () => {
	const specsDir = (env: Record<string, string>, settings: { specsDir?: string } = {}) =>
		resolveContext({ root: '/srv/repo', config: SpecbookConfigSchema.parse(settings), env }).specsDir;
	test('defaults to specs, keeps relative folders and makes absolute ones relative', () => {
		expect(specsDir({})).toBe('specs');
		expect(specsDir({ SPECS_DIR: './other/specs/' })).toBe('other/specs');
		expect(specsDir({ SPECS_DIR: '/srv/repo/specs' })).toBe('specs');
		expect(specsDir({ SPECS_DIR: '/data/specs' })).toBe('../../data/specs');
	});
	test('the specsDir setting names the folder, and SPECS_DIR overrides it', () => {
		expect(specsDir({}, { specsDir: 'docs/rfcs/' })).toBe('docs/rfcs');
		expect(specsDir({ SPECS_DIR: 'other' }, { specsDir: 'docs/rfcs' })).toBe('other');
	});
});
