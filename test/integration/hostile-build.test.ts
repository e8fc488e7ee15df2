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
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/build-fixture.ts';
import { builtFixture, fixture } from '../helpers/fixtures.ts';
import { fiveMegabytes, unsafeSpecs } from '../helpers/generated-specs.ts';
import { element } from '../helpers/html.ts';
import { columnOf, lineOf } from '../helpers/spec-builder.ts';
import { MAX_AUTHORS, MAX_MDX_EXPRESSION_DEPTH, MAX_TAGS } from '../../src/core/limits.ts';

const folders: string[] = [];
afterAll(() => {
	for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('unsafe or unreadable specs stop the build', () => {
	// The same sources the globalSetup wrote (test/helpers/generated-specs.ts).
	const { 'xss.md': xss, 'deep.md': deep, 'deep-mdx.mdx': deepMdx, 'deep-expression.mdx': deepExpression, 'bad-aside.md': badAside } = unsafeSpecs() as Record<string, string>;
	const site = fixture('unsafe');
	const path = (name: string) => `${site.specsDir}/${name}`;

	test('with every error located, as check prints it', () => {
		expect(site.exitCode).not.toBe(0);
		const scriptLine = lineOf(xss!, '<script>');
		expect(site.output).toContain(`${path('xss.md')}:${scriptLine}:${columnOf(xss!, scriptLine, '<script>')}: error html-unsafe Unsafe HTML: <script> can run script`);
		expect(site.output).toContain(`${path('Upper.MD')}:1:1: error file-extension `);
		expect(site.output).toContain(`${path('binary.md')}:3:1: error file-encoding `);
		expect(site.output).toContain(`${path('deep.md')}:${lineOf(deep!, '> > >')}:1: error markdown-too-complex `);
		expect(site.output).toContain(`${path('deep-mdx.mdx')}:${lineOf(deepMdx!, '- - -')}:601: error markdown-too-complex `);
		expect(site.output).toContain(`${path('deep-expression.mdx')}:${lineOf(deepExpression!, '{[[[')}:${MAX_MDX_EXPRESSION_DEPTH + 1}: error markdown-too-complex `);
		expect(site.output).toContain(`${path('many-tags.md')}:2:1: error tags-too-many `);
		expect(site.output).toContain(`${path('bad-aside.md')}:${lineOf(badAside!, ':::note')}:1: error directive-invalid \`:::note\` has icon="nope"`);
		expect(site.output).not.toContain(`${path('good.md')}:`);
		// Located lines, not a stack trace.
		expect(site.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
	});

	test('and no page is written', () => {
		expect(site.files().filter((file) => /\.(html|json|xml)$/.test(file))).toEqual([]);
	});
});

describe('huge but harmless specs build', () => {
	const site = builtFixture('huge');

	test('the 5,000-level list is rendered to its innermost item', () => {
		const body = element(site.read('/specs/nested/'), /<div class="spec-body/) ?? '';
		expect(body).toContain(`${'<ul>\n<li>\n'.repeat(4_999)}<ul>\n<li>innermost</li>`);
	});

	test('every one of 10,000 headings gets its anchor; the 100 KB line and the 5 MB spec are there', () => {
		expect(Buffer.byteLength(fiveMegabytes())).toBeGreaterThan(5_000_000);
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
