/**
 * Hostile and broken input, read from disk the way `npm run check` and the build's loader read it:
 * each case gives located diagnostics or a valid spec, never a throw, a hang or a file silently
 * left out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { analyzeFile, analyzeSpecs, readSpecFile, readSpecFiles, type Diagnostic, type SourceFile } from '../../src/core/index.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/core/files.ts';
import { findExcessiveMarkdown, lineNesting, MAX_AUTHORS, MAX_MDX_EXPRESSION_DEPTH, MAX_NESTING, MAX_TAGS } from '../../src/core/limits.ts';
import { buildSpec, columnOf, lineOf } from '../helpers/spec-builder.ts';

const TODAY = '2026-11-26';
const roots: string[] = [];
afterEach(() => {
	for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Writes `files` under `<tmp>/specs/`, reads them as the CLI does and analyses them all. */
async function checkFolder(files: Record<string, string | Uint8Array>, options: { maxFileBytes?: number } = {}) {
	const root = mkdtempSync(join(tmpdir(), 'specbook-hostile-'));
	roots.push(root);
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(root, 'specs', path)), { recursive: true });
		writeFileSync(join(root, 'specs', path), content);
	}
	const sources = await readSpecFiles('specs', { cwd: root, ...options });
	const result = analyzeSpecs(sources, { specsDir: 'specs', today: TODAY, fileExists: () => false });
	for (const source of sources) expectLocated(source, result.diagnostics.filter((diagnostic) => diagnostic.file === source.path));
	return { ...result, paths: sources.map((source) => source.path) };
}

/** `code line:column` of each diagnostic, for compact expectations. */
const brief = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.line}:${diagnostic.column}`);

/** Every diagnostic points at a line and column the file has (a file that could not be read has line 1). */
function expectLocated(file: SourceFile, diagnostics: Diagnostic[]) {
	const lines = file.source.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
	for (const diagnostic of diagnostics) {
		expect(diagnostic.line, JSON.stringify(diagnostic)).toBeGreaterThanOrEqual(1);
		expect(diagnostic.column, JSON.stringify(diagnostic)).toBeGreaterThanOrEqual(1);
		if (file.problem) continue;
		expect(diagnostic.line, JSON.stringify(diagnostic)).toBeLessThanOrEqual(lines.length);
		expect(diagnostic.column, JSON.stringify(diagnostic)).toBeLessThanOrEqual(lines[diagnostic.line - 1]!.length + 1);
	}
}

const valid = (feature: string, extra = '') =>
	buildSpec({ feature, status: 'Draft', ...(extra ? { extraSections: [{ title: 'Appendix', body: extra }] } : {}) });

describe('files that are not Markdown text', () => {
	test('an empty file, or one of only white space and a BOM', async () => {
		const { diagnostics, specs } = await checkFolder({ 'empty.md': '', 'blank.md': '\uFEFF \n\t\n', 'ok.md': valid('Fine') });
		expect(brief(diagnostics)).toEqual(['specs/blank.md error file-empty 1:1', 'specs/empty.md error file-empty 1:1']);
		expect(specs.map((spec) => spec.id)).toEqual(['ok']);
	});

	test('a binary file with a .md name (a PNG) is located at its first NUL byte', async () => {
		// The PNG signature holds two line breaks (\r\n, \n), so its first NUL is on line 3.
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
		const { diagnostics } = await checkFolder({ 'diagram.md': png });
		expect(brief(diagnostics)).toEqual(['specs/diagram.md error file-encoding 3:1']);
		expect(diagnostics[0]!.message).toContain('NUL byte (byte 9)');
	});

	test('UTF-16 text is binary to a UTF-8 reader', async () => {
		const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'# Hi\n'].flatMap((char) => [char.charCodeAt(0), 0])]);
		const { diagnostics } = await checkFolder({ 'utf16.md': utf16 });
		expect(brief(diagnostics)).toEqual(['specs/utf16.md error file-encoding 1:1']);
	});

	test('invalid UTF-8 (a Latin-1 é) is located at its line', async () => {
		const text = valid('Café menu');
		const latin1 = Uint8Array.from(Buffer.from(text, 'latin1'));
		const { diagnostics } = await checkFolder({ 'cafe.md': latin1 });
		expect(brief(diagnostics)).toEqual([`specs/cafe.md error file-encoding ${lineOf(text, 'Café')}:1`]);
		expect(diagnostics[0]!.message).toMatch(/invalid UTF-8 at byte \d+/);
	});

	test('a NUL byte inside otherwise valid text is located at its line', async () => {
		const text = valid('Nul');
		const line = lineOf(text, '**Status**');
		const withNul = text.replace('- **Status**', '- **Sta\0tus**');
		const { diagnostics } = await checkFolder({ 'nul.md': withNul });
		expect(brief(diagnostics)).toEqual([`specs/nul.md error file-encoding ${line}:1`]);
	});

	test('a file over the default 1 MB limit is refused unread; the limit is configurable', async () => {
		const big = valid('Big', 'word '.repeat(250_000));
		expect(big.length).toBeGreaterThan(DEFAULT_MAX_FILE_BYTES);
		const files = { 'big.md': big, 'small.md': valid('Small') };
		const byDefault = await checkFolder(files);
		expect(brief(byDefault.diagnostics)).toEqual(['specs/big.md error file-too-large 1:1']);
		expect(byDefault.diagnostics[0]!.message).toBe(`The file is ${Buffer.byteLength(big)} bytes, over the limit of 1000000 bytes.`);

		const raised = await checkFolder(files, { maxFileBytes: 2_000_000 });
		expect(raised.diagnostics).toEqual([]);
		expect(raised.specs.map((spec) => spec.id)).toEqual(['big', 'small']);

		const lowered = await checkFolder(files, { maxFileBytes: 1_000 });
		expect(brief(lowered.diagnostics)).toEqual(['specs/big.md error file-too-large 1:1', 'specs/small.md error file-too-large 1:1']);
	});
});

describe('symbolic links and special files', () => {
	test('no link is followed and nothing but a regular file is read: each is a located error in plain words', async () => {
		const root = mkdtempSync(join(tmpdir(), 'specbook-hostile-'));
		roots.push(root);
		mkdirSync(join(root, 'specs'));
		mkdirSync(join(root, 'outside'));
		writeFileSync(join(root, 'specs/good.md'), valid('Good'));
		writeFileSync(join(root, 'outside/evil.md'), valid('Evil', '<script>alert(1)</script>'));
		symlinkSync('good.md', join(root, 'specs/alias.md'));
		symlinkSync('missing.md', join(root, 'specs/dangling.md'));
		symlinkSync('loop.md', join(root, 'specs/loop.md'));
		symlinkSync('../specs', join(root, 'specs/folder.md'));
		// A linked folder: the site's glob would follow it; check never listed what is inside.
		symlinkSync('../outside', join(root, 'specs/linked'));
		symlinkSync('/dev/zero', join(root, 'specs/zero.md'));
		execFileSync('mkfifo', [join(root, 'specs/pipe.md')]);
		// Unpublished names are not looked at, links or not.
		symlinkSync('../outside', join(root, 'specs/_linked'));
		const sources = await readSpecFiles('specs', { cwd: root });
		const { diagnostics, specs } = analyzeSpecs(sources, { specsDir: 'specs', today: TODAY, fileExists: () => false });
		expect(diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.code} ${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`)).toEqual(
			[
				['alias.md', 'a symbolic link'],
				['dangling.md', 'a symbolic link'],
				['folder.md', 'a symbolic link'],
				['linked', 'a symbolic link'],
				['loop.md', 'a symbolic link'],
				['pipe.md', 'a named pipe'],
				['zero.md', 'a symbolic link'],
			].map(([name, what]) => `specs/${name} file-not-regular 1:1 This file is ${what}: Specbook reads only regular files in the specs folder and never follows links.`)
		);
		expect(specs.map((spec) => spec.id)).toEqual(['good']);
	});

	test('a file whose size the file system misreports (size 0, as in /proc) is read whole, up to the limit', async () => {
		const status = await readSpecFile('/proc/self/status', { cwd: '/', maxFileBytes: 100_000 });
		expect(status.problem).toBeUndefined();
		expect(status.source).toContain('Name:');
		const limited = await readSpecFile('/proc/self/status', { cwd: '/', maxFileBytes: 20 });
		expect(limited.problem).toMatchObject({ code: 'file-too-large' });
	});

	test('the size is checked before reading: a file over the limit is never read into memory', async () => {
		const root = mkdtempSync(join(tmpdir(), 'specbook-hostile-'));
		roots.push(root);
		mkdirSync(join(root, 'specs'));
		// A sparse file: 8 GB on paper, nothing on disk; reading it whole would exhaust memory.
		execFileSync('truncate', ['-s', '8G', join(root, 'specs/huge.md')]);
		const [huge] = await readSpecFiles('specs', { cwd: root, maxFileBytes: 1_000_000 });
		expect(huge!.problem).toMatchObject({ code: 'file-too-large', params: { size: 8 * 1024 ** 3, limit: 1_000_000 } });
	});
});

describe('file and folder names', () => {
	test('names with #, ?, % or a control character are an error at line 1 quoting the name; _ and . names are not published', async () => {
		const { diagnostics, specs } = await checkFolder({
			'retry #2.md': valid('Hash'),
			'what?.md': valid('Question'),
			'100%/done.md': valid('Percent'),
			'bell\u0007.md': valid('Bell'),
			'_draft.md': valid('Draft'),
			'.hidden.md': valid('Hidden'),
			'.github/notes.md': valid('Dot folder'),
			'_archive/old.md': valid('Archive'),
			'fine.md': valid('Fine'),
		});
		expect(diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.code} ${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`)).toEqual([
			'specs/100%/done.md file-name 1:1 The name "100%" contains "%", which cannot be part of the spec\'s page address.',
			'specs/bell\u0007.md file-name 1:1 The name "bell\\u0007.md" contains the control character U+0007, which cannot be part of the spec\'s page address.',
			'specs/retry #2.md file-name 1:1 The name "retry #2.md" contains "#", which cannot be part of the spec\'s page address.',
			'specs/what?.md file-name 1:1 The name "what?.md" contains "?", which cannot be part of the spec\'s page address.',
		]);
		expect(specs.map((spec) => spec.id)).toEqual(['fine']);
	});
});

describe('frontmatter', () => {
	test('not closed: located at the opening fence, and the rest is still checked', async () => {
		const { diagnostics } = await checkFolder({ 'open.md': `---\ntags: [a]\n${valid('Open')}` });
		expect(brief(diagnostics)).toContain('specs/open.md error frontmatter-unclosed 1:1');
	});

	test('not a mapping: a list, a scalar, a number', async () => {
		const { diagnostics } = await checkFolder({
			'list.md': `---\n- a\n- b\n---\n${valid('List')}`,
			'scalar.md': `---\nhello\n---\n${valid('Scalar')}`,
			'number.md': `---\n42\n---\n${valid('Number')}`,
		});
		expect(brief(diagnostics)).toEqual([
			'specs/list.md error frontmatter-not-mapping 2:1',
			'specs/number.md error frontmatter-not-mapping 2:1',
			'specs/scalar.md error frontmatter-not-mapping 2:1',
		]);
	});
});

describe('names', () => {
	test('A.md and a.md give the same id: the later path is the error and names the other', async () => {
		const { diagnostics, specs, paths } = await checkFolder({ 'A.md': valid('Upper'), 'a.md': valid('Lower') });
		expect(paths).toEqual(['specs/A.md', 'specs/a.md']);
		expect(brief(diagnostics)).toEqual(['specs/a.md error id-duplicate 1:1']);
		expect(diagnostics[0]!.message).toContain('specs/A.md');
		expect(specs.map((spec) => spec.path)).toEqual(['specs/A.md']);
	});

	test('an upper-case .MD or .Mdx extension is an error, not a spec silently left off the site', async () => {
		const { diagnostics, specs } = await checkFolder({ 'Retry.MD': valid('Retry'), 'Keys.Mdx': valid('Keys'), 'ok.md': valid('Fine') });
		expect(brief(diagnostics)).toEqual(['specs/Keys.Mdx error file-extension 1:1', 'specs/Retry.MD error file-extension 1:1']);
		expect(diagnostics[1]!.message).toContain('".MD"');
		expect(specs.map((spec) => spec.id)).toEqual(['ok']);
	});
});

describe('huge and deeply nested Markdown', () => {
	test('a list nested 5,000 levels on one line (`- - - … x`) parses to a valid spec', async () => {
		const { diagnostics, specs } = await checkFolder({ 'deep.md': valid('Deep', `${'- '.repeat(5_000)}x`) });
		expect(diagnostics).toEqual([]);
		expect(specs.map((spec) => spec.extraSections)).toEqual([['Appendix']]);
	});

	test('a list nested 5,000 levels by indentation parses too (25 MB: the limit raised)', async () => {
		const indented = Array.from({ length: 5_000 }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n');
		const { diagnostics, specs } = await checkFolder({ 'indented.md': valid('Indented', indented) }, { maxFileBytes: 30_000_000 });
		expect(diagnostics).toEqual([]);
		expect(specs).toHaveLength(1);
	});

	test('as a field value, deep nesting is a located value error, not a crash', async () => {
		const source = valid('Deep field').replace('- **Status**: Draft', `- **Status**: Draft\n${'  - '.repeat(1)}${'- '.repeat(5_000)}x`);
		const { diagnostics } = await checkFolder({ 'field.md': source });
		expect(brief(diagnostics)).toEqual([`specs/field.md error status-invalid ${lineOf(source, '**Status**')}:15`]);
	});

	// How long these take is test/bench/timing.test.ts's business.
	test('nesting beyond 10,000 levels (which would take the parser minutes) is a located error', async () => {
		const source = valid('Too deep', `Intro.\n\n${'> - '.repeat(200_000)}x`);
		const { diagnostics } = await checkFolder({ 'too-deep.md': source });
		expect(brief(diagnostics)).toEqual([`specs/too-deep.md error markdown-too-complex ${lineOf(source, '> - > -')}:1`]);
		expect(diagnostics[0]!.message).toContain(`the limit is ${MAX_NESTING}`);
	});

	test('a block too complex to parse is left out, and everything else in the file is still reported', async () => {
		const flood = `${'&amp;'.repeat(12_000)}`;
		const source = buildSpec({
			feature: 'Flooded',
			status: 'In Review',
			lastUpdated: '2026-02-30',
			values: { Goals: null },
			extraSections: [{ title: 'Appendix', body: `Intro.\n\n${flood}\n\nSee [the plan](#no-such-heading).` }],
		});
		const deep = buildSpec({ feature: 'Deep MDX', status: 'In Review', values: { Goals: null }, extraSections: [{ title: 'Appendix', body: `${'- '.repeat(150)}x` }] });
		const { diagnostics } = await checkFolder({ 'flood.md': source, 'deep.mdx': deep });
		expect(brief(diagnostics)).toEqual([
			`specs/deep.mdx error missing-field ${lineOf(deep, '## Background')}:1`,
			`specs/deep.mdx error markdown-too-complex ${lineOf(deep, '- - -')}:301`,
			`specs/flood.md error date-invalid ${lineOf(source, '**Last Updated**')}:21`,
			`specs/flood.md error missing-field ${lineOf(source, '## Background')}:1`,
			`specs/flood.md error markdown-too-complex ${lineOf(source, '&amp;&amp;')}:1`,
			`specs/flood.md warning link-anchor ${lineOf(source, '[the plan]')}:5`,
		]);
	});

	test('10,000 headings: a valid spec, every heading an anchor', () => {
		const headings = Array.from({ length: 10_000 }, (_, index) => `### Note ${index}\n\nText ${index}.`).join('\n\n');
		const analysis = analyzeFile({ path: 'specs/headings.md', source: valid('Headings', headings) }, { specsDir: 'specs', today: TODAY });
		expect(analysis.diagnostics).toEqual([]);
		expect(analysis.spec?.extraSections).toEqual(['Appendix']);
		expect(analysis.headingIds.has('note-9999')).toBe(true);
	});

	test('a 100 KB single line: valid in a section of its own, a located error as the Feature', async () => {
		const line = 'lorem ipsum '.repeat(8_700);
		expect(line.length).toBeGreaterThan(100_000);
		const longFeature = valid('Placeholder').replace('- **Feature**: Placeholder', `- **Feature**: ${line.trim()}`);
		const { diagnostics, specs } = await checkFolder({ 'prose.md': valid('Prose', line), 'feature.md': longFeature });
		expect(brief(diagnostics)).toEqual([`specs/feature.md error feature-too-long ${lineOf(longFeature, '**Feature**')}:16`]);
		expect(specs.map((spec) => spec.id)).toEqual(['prose']);
	});

	test('paragraphs the parser chokes on (entity and underscore floods) are located errors', async () => {
		const entities = valid('Entities', `Intro.\n\n${'&amp;'.repeat(150_000)}`);
		const underscores = valid('Underscores', `Intro.\n\n${'a_'.repeat(200_000)}`);
		const { diagnostics } = await checkFolder({ 'entities.md': entities, 'underscores.md': underscores });
		expect(brief(diagnostics)).toEqual([
			`specs/entities.md error markdown-too-complex ${lineOf(entities, '&amp;&amp;')}:1`,
			`specs/underscores.md error markdown-too-complex ${lineOf(underscores, 'a_a_')}:1`,
		]);
	});

	test('.mdx compiles to JavaScript nested as deep as the document, so it has a lower limit than .md', async () => {
		const list = `${'- '.repeat(150)}x`;
		const flow = `${'<div>\n'.repeat(250)}x\n${'</div>\n'.repeat(250)}`;
		const mdxList = valid('Deep MDX list', list);
		const mdxFlow = valid('Deep components', flow);
		const { diagnostics, specs } = await checkFolder({
			'list.md': valid('Deep list', list),
			'mdx-list.mdx': mdxList,
			'flow.mdx': mdxFlow,
			'shallow.mdx': valid('Shallow MDX', `${'- '.repeat(40)}x`),
		});
		// Located at the deepest node: the innermost item's text, the text inside the innermost component.
		expect(brief(diagnostics)).toEqual([
			`specs/flow.mdx error markdown-too-complex ${lineOf(mdxFlow, '</div>') - 1}:1`,
			`specs/mdx-list.mdx error markdown-too-complex ${lineOf(mdxList, '- - -')}:301`,
		]);
		expect(diagnostics[1]!.message).toContain('the limit for .mdx is 200');
		expect(specs.map((spec) => spec.id)).toEqual(['list', 'shallow']);
	});

	test('.mdx: a flood of inline components is refused before the parser takes its quadratic time', async () => {
		const source = valid('Tags', `Text ${'<b>'.repeat(100_000)}x`);
		const { diagnostics } = await checkFolder({ 'tags.mdx': source });
		expect(brief(diagnostics)).toEqual([`specs/tags.mdx error markdown-too-complex ${lineOf(source, '<b><b>')}:1`]);
	});

	test('.mdx: JavaScript nested deep in an expression is a located error before the parser (which crashed the process) sees it', async () => {
		const depth = MAX_MDX_EXPRESSION_DEPTH + 1;
		const forms = {
			// 20,000 brackets crashed `check` with a segmentation fault; 1,500 passed it and crashed the build.
			'array.mdx': `{${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
			'paren.mdx': `Text {${'('.repeat(1_500)}1${')'.repeat(1_500)}} text.`,
			'attribute.mdx': `<span title={${'['.repeat(depth)}${']'.repeat(depth)}.length} />`,
			'export.mdx': `export const data = ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`,
			// A `]` in a string closes nothing.
			'strings.mdx': `{[${'"]", ['.repeat(depth)}${']'.repeat(depth)}]}`,
			'template.mdx': `{${'`${'.repeat(depth)}1${'}`'.repeat(depth)}}`,
			// Sätteri's time doubles with each level of these from about 45.
			'components.mdx': `{${'<b>{'.repeat(70)}1${'}</b>'.repeat(70)}}`,
			// Operators that nest what follows them crashed `check` from about 50,000.
			'prefix.mdx': `{${'!'.repeat(50_000)}true}`,
			'arrows.mdx': `{${'() => '.repeat(depth)}1}`,
			'conditional.mdx': `{${'a ? '.repeat(depth)}1${' : 2'.repeat(depth)}}`,
			'keywords.mdx': `{${'typeof '.repeat(depth)}x}`,
		};
		const sources = Object.fromEntries(Object.entries(forms).map(([name, body]) => [name, valid(name, `Intro.\n\n${body}`)]));
		const { diagnostics, specs } = await checkFolder(sources);
		expect(diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.code} ${diagnostic.line}`)).toEqual(
			Object.keys(forms).sort().map((name) => `specs/${name} markdown-too-complex ${lineOf(sources[name]!, 'Intro.') + 2}`)
		);
		expect(diagnostics[0]!.message).toContain(`the limit is ${MAX_MDX_EXPRESSION_DEPTH}`);
		expect(specs).toEqual([]);
	});

	test('.mdx: expressions as people write them, and brackets in code, are no false alarm', async () => {
		const depth = MAX_MDX_EXPRESSION_DEPTH - 1;
		const body = [
			"export const owners = [{ team: 'payments', people: ['Ana', 'Bo'] }, { team: 'ledger', people: [] }]",
			'',
			"{owners.map((owner) => <p key={owner.team}>{owner.team}: {owner.people.join(', ') || 'nobody'} (isn't it?)</p>)}",
			'',
			"{owners.length === 0 ? 'No owners' : owners.length !== 1 ? `${owners.length} owners` : !owners[0]?.people.length ? 'One team' : typeof owners}",
			'',
			`At the limit: {${'['.repeat(depth)}${']'.repeat(depth)}.length} and {\`\${1 + (2 * 3)}\`}.`,
			'',
			`Code is literal: \`${'['.repeat(500)}\` and`,
			'',
			'```js',
			'['.repeat(500),
			'```',
		].join('\n');
		const { diagnostics, specs } = await checkFolder({ 'fine.mdx': valid('Fine MDX', body) });
		expect(diagnostics).toEqual([]);
		expect(specs.map((spec) => spec.id)).toEqual(['fine']);
	});

	test('the same text in a code block is fine (code is taken literally)', () => {
		const source = valid('Code', `\`\`\`\n${'&amp;'.repeat(20_000)}\n${'> '.repeat(20_000)}\n\`\`\``);
		expect(findExcessiveMarkdown(source)).toBeUndefined();
		expect(analyzeFile({ path: 'specs/code.md', source }, { specsDir: 'specs', today: TODAY }).diagnostics).toEqual([]);
	});
});

describe('long lists of tags and authors', () => {
	// Each tag and author is a link on the page: 5,000 tags made a 188 MB page, 400 authors a 489 MB site.
	const withLists = (feature: string, tags: number, authors: number) =>
		buildSpec({
			feature,
			status: 'Draft',
			frontmatter: `tags: [${Array.from({ length: tags }, (_, index) => `tag-${index}`).join(', ')}]`,
			authors: Array.from({ length: authors }, (_, index) => `Engineer ${index}`).join(', '),
		});

	test('over the limits: a located error at the frontmatter tags line and at Author(s)', async () => {
		const tags = withLists('Tags', MAX_TAGS + 1, 1);
		const authors = withLists('Authors', 1, 400);
		const huge = withLists('Huge', 20_000, 1);
		const { diagnostics, specs } = await checkFolder({ 'tags.md': tags, 'authors.md': authors, 'huge.md': huge });
		expect(brief(diagnostics)).toEqual([
			`specs/authors.md error authors-too-many ${lineOf(authors, '**Author(s)**')}:${columnOf(authors, lineOf(authors, '**Author(s)**'), 'Engineer 0')}`,
			`specs/huge.md error tags-too-many ${lineOf(huge, 'tags:')}:1`,
			`specs/tags.md error tags-too-many ${lineOf(tags, 'tags:')}:1`,
		]);
		expect(diagnostics[0]!.message).toBe(`Author(s) names 400 people; the limit is ${MAX_AUTHORS}.`);
		expect(diagnostics[1]!.message).toBe(`The frontmatter lists 20000 tags; the limit is ${MAX_TAGS}.`);
		expect(specs).toEqual([]);
	});

	test('at the limits: a valid spec with every tag and author', async () => {
		const { diagnostics, specs } = await checkFolder({ 'full.md': withLists('Full', MAX_TAGS, MAX_AUTHORS) });
		expect(diagnostics).toEqual([]);
		expect(specs[0]!.tags).toHaveLength(MAX_TAGS);
		expect(specs[0]!.authors).toHaveLength(MAX_AUTHORS);
	});
});

describe('code block marks (read by Starlight\'s code blocks when the page is built)', () => {
	test('a regular expression mark, or a line range beyond the block, is a located error at the fence', async () => {
		const regex = valid('Regex mark', 'Intro.\n\n```js /(a+)+$/\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n```');
		const range = valid('Huge range', 'Intro.\n\n- In a list:\n\n  ~~~sh title="run.sh" ins={1-99999999}\n  npm test\n  ~~~');
		const labelled = valid('Labelled range', 'Intro.\n\n```ts mark={"Setup": 2-3}\nconst a = 1;\nconst b = 2;\n```');
		const mdx = valid('MDX regex', 'Intro.\n\n```js del=/x+x+y/\nxxxx\n```');
		const { diagnostics, specs } = await checkFolder({ 'regex.md': regex, 'range.md': range, 'labelled.md': labelled, 'mdx.mdx': mdx });
		expect(brief(diagnostics)).toEqual([
			`specs/labelled.md error code-meta-unsafe ${lineOf(labelled, '```ts')}:1`,
			`specs/mdx.mdx error code-meta-unsafe ${lineOf(mdx, '```js')}:1`,
			`specs/range.md error code-meta-unsafe ${lineOf(range, '~~~sh')}:3`,
			`specs/regex.md error code-meta-unsafe ${lineOf(regex, '```js')}:1`,
		]);
		expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
			'The code block\'s mark `mark={"Setup": 2-3}` is refused: it marks line 3, but the block has 2 lines.',
			expect.stringContaining('`del=/x+x+y/` is refused: a regular expression mark'),
			"The code block's mark `ins={1-99999999}` is refused: it marks line 99999999, but the block has 1 line.",
			expect.stringContaining('`/(a+)+$/` is refused: a regular expression mark'),
		]);
		expect(specs).toEqual([]);
	});

	test('string marks, ranges inside the block, titles with slashes and other options pass', async () => {
		const source = valid(
			'Fine marks',
			'```js "/(a+)+$/" {1, 3} ins={2} title="src/retry.ts" frame="code" /not a mark/ish\nconst a = /(a+)+$/;\nconst b = 2;\nconst c = 3;\n```'
		);
		const { diagnostics, specs } = await checkFolder({ 'fine.md': source });
		expect(diagnostics).toEqual([]);
		expect(specs.map((spec) => spec.id)).toEqual(['fine']);
	});
});

describe('nesting estimate', () => {
	test('counts markers and indentation before them, not the space after a marker', () => {
		expect(lineNesting('plain text')).toBe(0);
		expect(lineNesting('- a')).toBe(1);
		expect(lineNesting('- - - a')).toBe(3);
		expect(lineNesting('> > - 1. a')).toBe(4);
		expect(lineNesting('      - a')).toBe(4);
		expect(lineNesting('-a')).toBe(0);
		expect(lineNesting('**bold**')).toBe(0);
		expect(lineNesting('2026-11-26 is a date')).toBe(0);
		expect(lineNesting('1) a')).toBe(1);
		expect(lineNesting('-')).toBe(1);
	});
});
