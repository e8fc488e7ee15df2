/**
 * Specbook as a package (issue 18): `npm pack`, installed into fresh Starlight projects made from
 * the registry's packages, with the two files the README asks for. The hosts build, search covers
 * their pages and the specs, `npx specbook check` reads the plugin's options from
 * astro.config.mjs, and a host page at one of Specbook's addresses stops the build. Slow (two npm
 * installs and three builds, a few minutes): one tarball and npm's cache serve both projects.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureSpec, hostProject, packSpecbook, run, type CommandResult, type HostProject } from '../helpers/host-project.ts';
import { git } from '../helpers/git-repo.ts';
import { loadPagefind, resultData } from '../helpers/pagefind.ts';
import { emptyFilters, pagefindFilters } from '../../src/site/search.ts';

const MINUTES = 60_000;
const IMPORT_DOCS = join(import.meta.dirname, '../fixtures/import/docs');

/** The content config of the issue, as a host writes it. */
const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { specsCollection } from 'specbook/content';
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  specs: specsCollection(),
};
`;

/** A host docs page, with a word no spec has. */
const HOST_PAGE = `---
title: Onboarding
---

How the quokka deploy pipeline works, for new engineers.
`;

const THREE_SPECS = {
	'early.md': fixtureSpec('site', 'early.md'),
	'payments/retry-v1.md': fixtureSpec('site', 'payments/retry-v1.md'),
	'payments/retry-v2.md': fixtureSpec('site', 'payments/retry-v2.md'),
};

const specFiles = (dir: string, specs: Record<string, string>) => Object.fromEntries(Object.entries(specs).map(([path, text]) => [`${dir}/${path}`, text]));

let tarball: string;
beforeAll(() => {
	tarball = packSpecbook();
}, 3 * MINUTES);
afterAll(() => {
	if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
});

describe("added to a Starlight site with prefix '/rfcs/'", () => {
	let host: HostProject;
	let build: CommandResult;
	beforeAll(() => {
		host = hostProject(tarball, {
			'astro.config.mjs': `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import specbook from 'specbook';
export default defineConfig({
  integrations: [starlight({ title: 'Acme docs', plugins: [specbook({ specsDir: 'specs', prefix: '/rfcs/' })] })],
});
`,
			'src/content.config.ts': CONTENT_CONFIG,
			'src/content/docs/handbook/onboarding.md': HOST_PAGE,
			...specFiles('specs', THREE_SPECS),
		});
		build = host.build();
	}, 6 * MINUTES);
	afterAll(() => host?.cleanup());

	test('the host page and the spec pages are built, the host keeping its sidebar with Specbook appended', () => {
		expect(build.status, build.output).toBe(0);
		expect(host.read('/handbook/onboarding/')).toContain('quokka deploy pipeline');
		for (const id of ['early', 'payments/retry-v1', 'payments/retry-v2']) expect(host.read(`/rfcs/specs/${id}/`)).toContain('class="spec-header');
		const sidebar = host.read('/rfcs/specs/early/');
		expect(sidebar).toContain('href="/handbook/onboarding/"');
		expect(sidebar.indexOf('href="/handbook/onboarding/"')).toBeLessThan(sidebar.indexOf('href="/rfcs/specs/"'));
	});

	test('the indexes, the roadmap, the guide, the feeds and the API are under the prefix, and so are the URLs they give', () => {
		for (const path of ['/rfcs/', '/rfcs/specs/', '/rfcs/status/approved/', '/rfcs/status/draft/', '/rfcs/authors/', '/rfcs/timeline/', '/rfcs/search/', '/rfcs/changes/', '/rfcs/guide/', '/rfcs/guide/configuration/', '/rfcs/guide/format/']) {
			expect(() => host.read(path), path).not.toThrow();
		}
		expect(existsSync(join(host.root, 'dist/specs'))).toBe(false);
		const api = JSON.parse(host.read('/rfcs/api/specs.json')) as { specs: { id: string; url: string }[] };
		expect(api.specs.map((spec) => spec.url)).toEqual(['/rfcs/specs/early/', '/rfcs/specs/payments/retry-v1/', '/rfcs/specs/payments/retry-v2/']);
		expect(host.read('/rfcs/feed.xml')).toContain('/rfcs/specs/payments/retry-v2/</link>');
		expect(host.read('/rfcs/specs/')).toContain('href="/rfcs/specs/payments/retry-v2/"');
	});

	test("search finds the host's pages and the specs; the search page's filters are the specs'", async () => {
		const pagefind = await loadPagefind(join(host.root, 'dist'));
		const urls = async (term: string, options?: object) => (await resultData(await pagefind.search(term, options))).map((result) => result.url);
		expect(await urls('quokka')).toEqual(['/handbook/onboarding/']);
		expect(await urls('retry')).toEqual(expect.arrayContaining(['/rfcs/specs/payments/retry-v1/', '/rfcs/specs/payments/retry-v2/']));
		// What the search page asks Pagefind for when nothing is selected.
		const specsOnly = { filters: pagefindFilters(emptyFilters()) };
		expect(await urls('quokka', specsOnly)).toEqual([]);
		expect(await urls('retry', specsOnly)).toEqual(expect.arrayContaining(['/rfcs/specs/payments/retry-v1/', '/rfcs/specs/payments/retry-v2/']));
	});

	test('`npx specbook check` reads the options from astro.config.mjs and points at the broken line', () => {
		const clean = run('npx', ['specbook', 'check'], host.root);
		expect(clean.status, clean.output).toBe(0);
		expect(clean.output).toContain('3 specs checked: no problems');
		host.write('specs/broken.md', `# Broken\n\n## Overview\n- **Feature**: Broken\n- **Author(s)**: Ana Lima\n- **Last Updated**: 2026-13-40\n- **Status**: Draft\n`);
		try {
			const broken = run('npx', ['specbook', 'check'], host.root);
			expect(broken.status, broken.output).toBe(1);
			expect(broken.stdout).toMatch(/^specs\/broken\.md:6:\d+: error date-invalid /mu);
		} finally {
			host.remove('specs/broken.md');
		}
	}, 2 * MINUTES);

	test('a host page at one of Specbook’s addresses stops the build, naming both', () => {
		host.write('src/content/docs/rfcs/timeline.md', '---\ntitle: Our timeline\n---\n\nPlans.\n');
		try {
			const collision = host.build();
			expect(collision.status).not.toBe(0);
			expect(collision.output).toContain("Specbook's route /rfcs/timeline/[...view] (src/routes/timeline/[...view].astro in specbook) would have the same address as src/content/docs/rfcs/timeline.md");
		} finally {
			host.remove('src/content/docs/rfcs/timeline.md');
		}
	}, 3 * MINUTES);
});

describe('added to a Starlight site with MDX, another specs folder and a deeper prefix', () => {
	let host: HostProject;
	let build: CommandResult;
	beforeAll(() => {
		host = hostProject(
			tarball,
			{
				'astro.config.mjs': `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import specbook from 'specbook';
export default defineConfig({
  integrations: [
    starlight({ title: 'Acme', sidebar: [{ label: 'Handbook', items: ['handbook/onboarding'] }], plugins: [specbook({ specsDir: 'design', prefix: '/eng/design/' })] }),
    mdx(),
  ],
});
`,
				'src/content.config.ts': CONTENT_CONFIG,
				'src/content/docs/handbook/onboarding.md': HOST_PAGE,
				...specFiles('design', { ...THREE_SPECS, 'identity/passkeys.mdx': fixtureSpec('site', 'identity/passkeys.mdx') }),
			},
			['@astrojs/mdx'],
		);
		// This host keeps its specs in git: each spec's life comes from the package's compiled history reader.
		git(host.root, ['init', '-q']);
		git(host.root, ['add', 'design'], { author: 'Bo Chen', date: '2026-02-03' });
		git(host.root, ['commit', '-q', '-m', 'Design docs'], { author: 'Bo Chen', date: '2026-02-03' });
		build = host.build();
	}, 6 * MINUTES);
	afterAll(() => host?.cleanup());

	test('the .mdx spec renders with its component, under the prefix', () => {
		expect(build.status, build.output).toBe(0);
		const page = host.read('/eng/design/specs/identity/passkeys/');
		expect(page).toContain('Recovery must never rely on the passkey alone.');
		expect(page).toMatch(/class="starlight-aside starlight-aside--caution"/u);
		const api = JSON.parse(host.read('/eng/design/api/specs.json')) as { specs: { url: string }[] };
		expect(api.specs.map((spec) => spec.url)).toContain('/eng/design/specs/identity/passkeys/');
	});

	test("each spec's history comes from the host's git repository", () => {
		const api = JSON.parse(host.read('/eng/design/api/specs.json')) as { specs: { id: string; created: string | null; revisions: number; contributors: string[] }[] };
		const passkeys = api.specs.find((spec) => spec.id === 'identity/passkeys');
		expect(passkeys).toMatchObject({ created: '2026-02-03', revisions: 1, contributors: ['Bo Chen'] });
	});

	test("the host's own sidebar comes first, then Specbook's group", () => {
		const page = host.read('/handbook/onboarding/');
		expect(page.indexOf('href="/handbook/onboarding/"')).toBeGreaterThan(-1);
		expect(page.indexOf('href="/handbook/onboarding/"')).toBeLessThan(page.indexOf('href="/eng/design/specs/"'));
	});

	test('`npx specbook check` checks the folder named in astro.config.mjs', () => {
		const result = run('npx', ['specbook', 'check'], host.root);
		expect(result.status, result.output).toBe(0);
		expect(result.output).toContain('4 specs checked: no problems');
	}, 2 * MINUTES);

	test('`npx specbook import` and `npx specbook new` write into that folder, and the result checks clean', () => {
		host.write('docs/rfc-0007.md', readFileSync(join(IMPORT_DOCS, 'swift-evolution.md'), 'utf8'));
		const written: string[] = [];
		try {
			const imported = run('npx', ['specbook', 'import', 'docs/rfc-0007.md'], host.root);
			expect(imported.status, imported.output).toBe(0);
			const target = /^docs\/rfc-0007\.md → (design\/[\w-]+\.md)$/mu.exec(imported.stdout)?.[1];
			expect(target, imported.output).toBeDefined();
			written.push(target!);
			const scaffolded = run('npx', ['specbook', 'new', 'Audit log export', '--author', 'Ana Lima'], host.root);
			expect(scaffolded.status, scaffolded.output).toBe(0);
			expect(scaffolded.stdout).toContain('design/audit-log-export.md');
			written.push('design/audit-log-export.md');
			const checked = run('npx', ['specbook', 'check'], host.root);
			expect(checked.status, checked.output).toBe(0);
			expect(checked.output).toContain('6 specs checked');
		} finally {
			for (const path of ['docs', ...written]) host.remove(path);
		}
	}, 2 * MINUTES);
});
