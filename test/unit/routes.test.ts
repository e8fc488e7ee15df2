/** Specbook's injected routes under a prefix, and what counts as a host page taking one of their addresses. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { SpecbookConfigSchema } from '../../src/integration/config.ts';
import { hostDocsSidebar, hostPages, routeCollisions } from '../../src/integration/host-site.ts';
import { sourcePath } from '../../src/integration/package-files.ts';
import { routePattern, specbookRoutes } from '../../src/integration/routes.ts';

const patterns = (prefix: string) => specbookRoutes(sourcePath('routes'), prefix).map((route) => route.pattern);

describe('routes', () => {
	test("at '/', every page of the site map keeps its address", () => {
		expect(patterns('/')).toEqual(
			expect.arrayContaining(['/', '/404', '/specs', '/specs/[...id]', '/specs/_pages/[...view]', '/status/[status]/[...view]', '/status/stale/[...page]', '/authors', '/authors/[slug]', '/timeline/[...view]', '/search', '/changes', '/changes.xml', '/feed.xml', '/api/specs.json', '/guide/[...page]', '/guide/format']),
		);
	});

	test('under a prefix, every route is the prefix followed by its path, and the 404 page is the host’s', () => {
		const rfcs = patterns('/rfcs/');
		expect(rfcs).toContain('/rfcs');
		expect(rfcs).toContain('/rfcs/specs/[...id]');
		expect(rfcs).toContain('/rfcs/api/specs.json');
		expect(rfcs.filter((pattern) => !pattern.startsWith('/rfcs'))).toEqual([]);
		expect(rfcs.some((pattern) => pattern.endsWith('404'))).toBe(false);
		expect(routePattern('index.astro', '/a/b/')).toBe('/a/b');
	});

	test('the prefix option: "/" by default, and it must start and end with a slash', () => {
		expect(SpecbookConfigSchema.parse({}).prefix).toBe('/');
		expect(SpecbookConfigSchema.parse({ prefix: '/eng/rfcs/' }).prefix).toBe('/eng/rfcs/');
		for (const prefix of ['rfcs/', '/rfcs', '//', '/a//b/', '/a?/']) expect(SpecbookConfigSchema.safeParse({ prefix }).success, prefix).toBe(false);
	});
});

describe('a host site', () => {
	let root: string | undefined;
	afterEach(() => root && rmSync(root, { recursive: true, force: true }));
	const site = (files: string[]) => {
		root = mkdtempSync(join(tmpdir(), 'specbook-host-'));
		for (const file of files) {
			mkdirSync(dirname(join(root, file)), { recursive: true });
			writeFileSync(join(root, file), '---\ntitle: x\n---\n');
		}
		return root;
	};

	test('a page at a Specbook address is named with the route; pages beside the prefix are not', () => {
		const host = site(['src/content/docs/rfcs/timeline.md', 'src/pages/rfcs/specs/payments/retry.astro', 'src/content/docs/rfcs-old/specs.md', 'src/pages/[...slug].astro', 'src/content/docs/index.mdx']);
		const collisions = routeCollisions(specbookRoutes(sourcePath('routes'), '/rfcs/'), hostPages(host));
		expect(collisions).toEqual([
			"Specbook's route /rfcs/specs/[...id] (src/routes/specs/[...id].astro in specbook) would have the same address as src/pages/rfcs/specs/payments/retry.astro, the site's page /rfcs/specs/payments/retry/.",
			"Specbook's route /rfcs/timeline/[...view] (src/routes/timeline/[...view].astro in specbook) would have the same address as src/content/docs/rfcs/timeline.md, the site's page /rfcs/timeline/.",
		]);
	});

	test('a docs page whose frontmatter slug takes a Specbook address collides, wherever its file is', () => {
		const host = site(['src/content/docs/rfcs/whatever.md', 'src/content/docs/notes.md']);
		writeFileSync(join(host, 'src/content/docs/rfcs/whatever.md'), '---\ntitle: x\nslug: rfcs/authors\n---\n');
		expect(routeCollisions(specbookRoutes(sourcePath('routes'), '/rfcs/'), hostPages(host))).toEqual([
			"Specbook's route /rfcs/authors (src/routes/authors/index.astro in specbook) would have the same address as src/content/docs/rfcs/whatever.md, the site's page /rfcs/authors/.",
		]);
	});

	test("at '/', the host's home page collides with Specbook's", () => {
		const host = site(['src/content/docs/index.mdx']);
		expect(routeCollisions(specbookRoutes(sourcePath('routes'), '/'), hostPages(host))).toEqual([
			"Specbook's route / (src/routes/index.astro in specbook) would have the same address as src/content/docs/index.mdx, the site's page /.",
		]);
	});

	test('without a sidebar setting, its docs folders and pages stay in the sidebar as Starlight lists them: home page, order, hidden pages', () => {
		const host = site(['src/content/docs/index.mdx', 'src/content/docs/handbook/onboarding.md', 'src/content/docs/faq.md', 'src/content/docs/Alpha.md', 'src/content/docs/secret.md', 'src/content/docs/zeta.md', 'src/content/docs/guides/b.md']);
		writeFileSync(join(host, 'src/content/docs/secret.md'), '---\ntitle: Secret\nsidebar:\n  hidden: true\n---\n');
		writeFileSync(join(host, 'src/content/docs/zeta.md'), '---\ntitle: Start here\nsidebar:\n  order: 0\n---\n');
		writeFileSync(join(host, 'src/content/docs/guides/b.md'), '---\ntitle: B\nsidebar:\n  order: 1\n---\n');
		expect(hostDocsSidebar(host)).toEqual([
			{ slug: 'zeta' },
			{ label: 'guides', items: [{ autogenerate: { directory: 'guides' } }] },
			{ slug: 'alpha' },
			{ slug: 'faq' },
			{ label: 'handbook', items: [{ autogenerate: { directory: 'handbook' } }] },
			{ slug: 'index' },
		]);
	});
});
