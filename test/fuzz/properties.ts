/**
 * The properties the fuzz campaign checks, each over a whole set of files as `npm run check` sees
 * them: no input may make the analyser throw or point at a place its file does not have, a spec
 * is produced exactly when its file has no error, and no file takes long (a parser gone quadratic
 * is a bug too). Shared by test/fuzz/run.ts; the quick versions live in
 * test/unit/properties.test.ts.
 */
import fc from 'fast-check';
import { parseAst } from 'rolldown/parseAst';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter as parseAstroFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { markdownToHtml, markdownToMdast, mdxToJs } from 'satteri';
import { globSync } from 'tinyglobby';
import type { Root } from 'mdast';
import { PUBLISHED_SPECS_GLOB } from '../../src/core/paths.ts';
import { ROOT } from '../helpers/build-fixture.ts';
import { analyzeSpecs, type Diagnostic } from '../../src/core/index.ts';
import { splitSource } from '../../src/core/source.ts';
import { lastChangedHistory } from '../helpers/git-history.ts';
import { damage, fixableDamage, locationProblems, mutate, mutation, render, specObject, TODAY, trickyText } from '../helpers/spec-arbitraries.ts';
import { FIXABLE_CODES, fixSource } from '../../src/core/fix.ts';

/** One analysed file taking longer than this is a failure. */
export const SLOW_MS = 3_000;

/** A file as the generators make it. */
interface GeneratedFile {
	path: string;
	source: string;
}

/** Throws, with what went wrong, when the analysis of `files` breaks a rule. */
export function checkFiles(files: readonly GeneratedFile[]): void {
	const started = performance.now();
	// Git says every file changed yesterday: the git-stale warning points at each Last Updated.
	const git = lastChangedHistory(files.map((file) => [file.path, '2026-11-25'] as const));
	const { specs, diagnostics } = analyzeSpecs(files, { specsDir: 'specs', today: TODAY, fileExists: () => false, git });
	const elapsed = performance.now() - started;
	if (elapsed > SLOW_MS * files.length) throw new Error(`took ${Math.round(elapsed)} ms for ${files.length} files`);
	const byFile = new Map<string, Diagnostic[]>();
	for (const diagnostic of diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
	for (const file of byFile.keys()) if (!files.some((entry) => entry.path === file)) throw new Error(`a diagnostic names ${file}, which is not one of the files`);
	for (const file of files) {
		const own = byFile.get(file.path) ?? [];
		const problems = locationProblems(file.source, own);
		if (problems.length) throw new Error(`${file.path}: ${problems.join('; ')}`);
		for (const diagnostic of own) if (!diagnostic.message || !diagnostic.hint) throw new Error(`no message or hint: ${JSON.stringify(diagnostic)}`);
		const published = specs.some((spec) => spec.path === file.path);
		const hasError = own.some((diagnostic) => diagnostic.severity === 'error');
		if (published && hasError) throw new Error(`${file.path} has errors but was published`);
	}
}

const extension = fc.constantFrom('.md', '.md', '.md', '.mdx');

/** Links a spec may hold to its neighbours (existing or not, with anchors), appended as a section. */
const links = fc.array(
	fc.tuple(fc.nat({ max: 5 }), fc.constantFrom('', '#overview', '#implementation', '#phase-1-x', '#nope'), fc.constantFrom('.md', '.mdx', '')),
	{ maxLength: 4 },
);

/** A folder of mutated specs that link to each other. */
const mutatedFolder = fc
	.array(fc.tuple(specObject, fc.array(mutation, { maxLength: 10 }), extension, links), { minLength: 1, maxLength: 5 })
	.map((entries) =>
		entries.map(([object, edits, ext, targets], index) => {
			const related = targets.map(([target, anchor, targetExt]) => `- [Spec ${target}](./f${target}${targetExt}${anchor})`).join('\n');
			const source = `${render(object)}\n## Related\n${related}\n`;
			return { path: `specs/f${index}${ext}`, source: mutate(source, edits) };
		}),
	);

/** Markdown-ish noise: format tokens, tricky Unicode and arbitrary text, in any order. */
const noise = fc
	.array(
		fc.oneof(
			fc.constantFrom('## Overview\n', '### Phase 1: A\n', '- **Feature**: ', '- **Status**: ', 'Draft', '\n', '\r\n', '---\n', '  1. ', '- **Tasks**:\n', '**', '__', '[x](y.md#z)', '<', '>', '{', '}', '`', '# T\n', 'Q1 2027', ' → ', 'tags: [a]\n', '\t', ' ', '<details>', '<script>', 'javascript:', '&#x6A;'),
			trickyText,
			fc.string({ maxLength: 8 }),
		),
		{ maxLength: 200 },
	)
	.map((parts) => parts.join(''));

/** Big but plausible structures at random sizes: nesting, headings, long lines, reference floods. */
const stress = fc
	.tuple(
		specObject,
		fc.constantFrom('- ', '> ', '1. ', '> - ', '* ', '&amp;', 'a_', '### H\n', 'word ', '[a](b) ', '**b** ', '| a '),
		fc.integer({ min: 1, max: 12_000 }),
	)
	.map(([object, unit, count]) => `${render(object)}\n## Appendix\n\n${unit.repeat(count)}x\n`);

/** YAML-ish frontmatter noise in front of a valid spec. */
const frontmatter = fc
	.tuple(
		specObject,
		fc.array(
			fc.oneof(
				fc.constantFrom('tags: ', 'supersedes: ', 'title: ', '- ', ': ', '[', ']', '{', '}', ', ', "'", '"', '|\n', '>\n', '&a ', '*a', '!!binary ', '? ', '\t', '%YAML 1.2\n', '---\n', '...\n', '\n', '  ', '#', 'x', 'f0', 'null', '~', '2026-01-01'),
				trickyText,
			),
			{ maxLength: 40 },
		),
		fc.boolean(),
	)
	.map(([object, parts, closed]) => `---\n${parts.join('')}\n${closed ? '---\n' : ''}${render(object).replace(/^\uFEFF?---\n[\s\S]*?\n---\n/u, '')}`);

/**
 * What the check accepts, the site must be able to build: each published file's body compiled as
 * Astro does (Markdown to HTML; MDX to JavaScript, then parsed by the bundler's parser). A crash
 * here (the bundler once segfaulted on deep MDX) kills the process, which the runner reports.
 */
export function checkRendering(files: readonly GeneratedFile[]): void {
	const { specs } = analyzeSpecs(files, { specsDir: 'specs', today: TODAY, fileExists: () => false });
	for (const spec of specs) {
		const { body } = splitSource(files.find((file) => file.path === spec.path)!.source);
		if (!spec.path.endsWith('.mdx')) {
			markdownToHtml(body, { features: { gfm: true } });
			continue;
		}
		// Throws on a syntax error in the compiled module.
		parseAst(mdxToJs(body).code);
	}
}

/**
 * Raw HTML payloads, built from the pieces attacks are made of (tags that switch the tokenizer's
 * state, event handlers, URL attributes with disguised schemes, quotes and comment forms that hide
 * markup from string matching), cut by Markdown's own structure (blank lines, list and quote
 * markers, code spans), in a valid spec.
 */
const rawHtml = fc
	.tuple(
		specObject,
		fc.array(
			fc.oneof(
				{ weight: 3, arbitrary: fc.tuple(
					fc.constantFrom('<img', '<a', '<div', '<span', '<p', '<details', '<svg', '<set', '<animate', '<math', '<noscript', '<textarea', '<style', '<template', '<table', '<td', '<b', '<script', '<iframe', '<body', '<source', '<abbr', '</noscript', '</textarea', '</style', '</a', '</div'),
					fc.array(
						fc.tuple(
							fc.constantFrom('onerror', 'ONCLICK', 'href', 'src', 'srcset', 'xlink:href', 'to', 'values', 'title', 'alt', 'style', 'data-pagefind-meta', 'attributeName', 'id', 'formaction'),
							fc.constantFrom('javascript:window.__pwned=1', 'jav&#x61;script:window.__pwned=1', ' java\tscript:x', 'JAVASCRIPT:x', 'data:text/html,x', 'https://example.com', './x.png', '#a', 'a>b', '<!--', '-->', '--!>', '</noscript><img src=x onerror=window.__pwned=1>', 'x;javascript:y', 'href', ''),
							fc.constantFrom('"', "'", ''),
						),
						{ maxLength: 3 },
					),
					fc.constantFrom('>', '/>', ' ', ''),
				).map(([tag, attributes, close]) => `${tag}${attributes.map(([name, value, quote]) => ` ${name}=${quote}${value}${quote}`).join('')}${close}`) },
				fc.constantFrom('<!--', '-->', '--!>', '<!-->', '<!--->', '<![CDATA[', ']]>', '<?x', '<!DOCTYPE html>', '&#x6A;', '&colon;', '"', "'", '>', '<'),
				fc.constantFrom('\n', '\n\n', ' ', 'text', '- ', '> ', '`', '    ', '[r]: javascript:x\n', '[l](javascript:x)', '<javascript:x>'),
			),
			{ minLength: 1, maxLength: 30 },
		),
	)
	.map(([object, parts]) => `${render(object)}\n## Appendix\n\n${parts.join('')}\n`);

/** What a browser would run or load as script, or what would rewrite search, in rendered HTML. */
function scriptInHtml(html: string): string | undefined {
	const RUNS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'portal', 'svg', 'math', 'style', 'template', 'noscript', 'button', 'textarea', 'select', 'video', 'audio']);
	const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'xlink:href', 'action', 'formaction', 'to', 'from', 'by', 'values', 'poster', 'data', 'background', 'cite']);
	const stack: DefaultTreeAdapterMap['node'][] = [parseHtml(html, { scriptingEnabled: true })];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if ('tagName' in node) {
			if (RUNS.has(node.tagName)) return `<${node.tagName}>`;
			for (const { name, value } of node.attrs) {
				if (name.startsWith('on') || name.startsWith('data-pagefind')) return `${name}= on <${node.tagName}>`;
				if (!URL_ATTRIBUTES.has(name)) continue;
				for (const url of name === 'srcset' ? value.split(/[,\s]+/u) : name === 'values' ? value.split(';') : [value]) {
					const scheme = URL.canParse(url, 'https://base.invalid/') ? new URL(url, 'https://base.invalid/').protocol : '';
					if (['javascript:', 'vbscript:', 'data:'].includes(scheme)) return `${scheme} in ${name}= on <${node.tagName}>`;
				}
			}
		}
		if ('content' in node && node.content) stack.push(node.content);
		if ('childNodes' in node) stack.push(...node.childNodes);
	}
	return undefined;
}

/**
 * Whatever `check` accepts renders to HTML with nothing that runs: each published `.md` body is
 * rendered by the engine Astro renders it with and read by a browser's parser, independently of
 * the check's own reading of the pieces.
 */
export function checkRenderedHtml(files: readonly GeneratedFile[]): void {
	checkFiles(files);
	const { specs } = analyzeSpecs(files, { specsDir: 'specs', today: TODAY, fileExists: () => true });
	for (const spec of specs) {
		if (spec.path.endsWith('.mdx')) continue;
		const { body } = splitSource(files.find((file) => file.path === spec.path)!.source);
		const found = scriptInHtml(markdownToHtml(body, { features: { gfm: true } }).html);
		if (found) throw new Error(`${spec.path} passed the check, but its page would hold ${found}`);
	}
}

/**
 * Frontmatter blocks in the places Astro reads them and the places it does not: after blank lines,
 * as `+++` (TOML), twice in a row, closed by `...`, or a thematic break after text.
 */
const frontmatterBlocks = fc
	.tuple(
		specObject,
		fc.array(
			fc.constantFrom('\n', '  \n', '---\ntags: [a]\n---\n', '+++\ntags = ["a"]\n+++\n', '---\n', '+++\n', '...\n', 'tags: [b]\n', 'Text.\n', '\n---\n\n'),
			{ maxLength: 6 },
		),
	)
	.map(([object, parts]) => `${parts.join('')}${render(object).replace(/^\uFEFF?---\n[\s\S]*?\n---\n/u, '')}`);

/**
 * Check and the page see the same document: where check accepts a file, the body Astro renders
 * (its frontmatter taken off by Astro's own reader, then trimmed) holds no block the renderer
 * would take as frontmatter again, and Astro's frontmatter is the one check validated.
 */
export function checkFrontmatterAgreement(files: readonly GeneratedFile[]): void {
	const { diagnostics } = analyzeSpecs(files, { specsDir: 'specs', today: TODAY, fileExists: () => false });
	for (const file of files) {
		if (diagnostics.some((diagnostic) => diagnostic.file === file.path && diagnostic.code.startsWith('frontmatter-'))) continue;
		let astro: { rawFrontmatter: string; content: string };
		try {
			astro = parseAstroFrontmatter(file.source);
		} catch {
			// YAML Astro's reader refuses: the loader carries on with the analysis's frontmatter (internals/glob-entry-types.ts).
			continue;
		}
		const split = splitSource(file.source);
		const lines = (text: string) => text.replace(/\r\n?/gu, '\n').trim();
		if (lines(split.frontmatter ?? '') !== lines(astro.rawFrontmatter)) throw new Error(`check read frontmatter ${JSON.stringify(split.frontmatter)}, Astro ${JSON.stringify(astro.rawFrontmatter)}`);
		const rendered = markdownToMdast(astro.content.trim()) as Root;
		if (rendered.children.some((node) => node.type === 'yaml' || node.type === 'toml')) throw new Error(`the page would drop a block check did not report: ${JSON.stringify(astro.content.trim().slice(0, 80))}`);
	}
}

/** File and folder names: any text, and the characters addresses and file systems trip on. */
const fileName = fc
	.array(fc.oneof(fc.constantFrom('_', '.', '#', '?', '%', ' ', '\u0007', '\u001B', 'ü', '😀', '[', ']', "'", '(', '&', '+', '=', ','), fc.stringMatching(/^[a-z0-9-]{1,6}$/u)), { minLength: 1, maxLength: 5 })
	.map((parts) => parts.join(''))
	.filter((name) => name !== '.' && name !== '..' && !name.includes('/'));

/**
 * Names on disk: check lists exactly what the site's glob publishes, and every name it accepts
 * makes a page address that survives encoding (no `#`, `?`, `%` or control character in it).
 */
export function checkNames(names: readonly (readonly string[])[]): void {
	const root = mkdtempSync(join(tmpdir(), 'specbook-fuzz-names-'));
	try {
		const written = new Set<string>();
		for (const parts of names) {
			const path = `${parts.join('/')}.md`;
			if (written.has(path.toLowerCase())) continue;
			mkdirSync(join(root, 'specs', ...parts.slice(0, -1)), { recursive: true });
			try {
				writeFileSync(join(root, 'specs', path), render(fc.sample(specObject, { seed: written.size, numRuns: 1 })[0]!));
				written.add(path.toLowerCase());
			} catch {
				// A name the file system refuses (a folder already a file) is no input.
			}
		}
		const listed = listSpecFilesSync(root);
		const globbed = globSync(PUBLISHED_SPECS_GLOB as string[], { cwd: join(root, 'specs') }).map((path) => `specs/${path}`).sort();
		if (JSON.stringify(listed) !== JSON.stringify(globbed)) throw new Error(`check lists ${JSON.stringify(listed)}, the site's glob ${JSON.stringify(globbed)}`);
		const files = listed.map((path) => ({ path, source: readFileSync(join(root, path), 'utf8') }));
		const { specs } = analyzeSpecs(files, { specsDir: 'specs', today: TODAY, fileExists: () => false });
		for (const spec of specs) {
			if (/[#?%\u0000-\u001F\u007F-\u009F]/u.test(spec.id)) throw new Error(`accepted a spec whose id cannot be an address: ${JSON.stringify(spec.id)}`);
			if (decodeURI(encodeURI(`/specs/${spec.id}/`)) !== `/specs/${spec.id}/`) throw new Error(`the address of ${JSON.stringify(spec.id)} does not survive encoding`);
		}
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/** Every published spec path under `root/specs`, as check lists it. */
function listSpecFilesSync(root: string): string[] {
	const output = spawnSync(process.execPath, ['--input-type=module', '-e', `import { listSpecFiles } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/core/files.ts')).href)}; console.log(JSON.stringify(await listSpecFiles('specs', ${JSON.stringify(root)})));`], { encoding: 'utf8' });
	if (output.status !== 0) throw new Error(output.stderr);
	return JSON.parse(output.stdout) as string[];
}

/** Links and special files in a specs folder: to files and folders inside and outside, dangling, to devices, pipes. */
const linkTree = fc.array(
	fc.record({
		name: fc.stringMatching(/^[a-z]{1,5}$/u),
		kind: fc.constantFrom('file', 'link-inside', 'link-outside', 'link-folder-outside', 'link-dangling', 'link-device', 'pipe'),
		published: fc.boolean(),
	}),
	{ minLength: 1, maxLength: 8 },
);

/**
 * Links: nothing outside the specs folder is ever read (its text never reaches a spec), every
 * published link, pipe or device is a located file-not-regular error, and listing never hangs.
 */
export function checkLinks(entries: readonly { name: string; kind: string; published: boolean }[]): void {
	const root = mkdtempSync(join(tmpdir(), 'specbook-fuzz-links-'));
	try {
		mkdirSync(join(root, 'specs'));
		mkdirSync(join(root, 'outside'));
		writeFileSync(join(root, 'outside/secret.md'), 'SECRET-OUTSIDE');
		writeFileSync(join(root, 'specs/real.md'), render(fc.sample(specObject, { seed: 1, numRuns: 1 })[0]!));
		const made = new Map<string, string>();
		for (const { name, kind, published } of entries) {
			const file = `${published ? '' : '_'}${name}${kind === 'link-folder-outside' ? '' : '.md'}`;
			if (made.has(file) || file === 'real.md') continue;
			const at = join(root, 'specs', file);
			if (kind === 'file') writeFileSync(at, render(fc.sample(specObject, { seed: made.size + 2, numRuns: 1 })[0]!));
			else if (kind === 'link-inside') symlinkSync('real.md', at);
			else if (kind === 'link-outside') symlinkSync('../outside/secret.md', at);
			else if (kind === 'link-folder-outside') symlinkSync('../outside', at);
			else if (kind === 'link-dangling') symlinkSync('missing.md', at);
			else if (kind === 'link-device') symlinkSync('/dev/zero', at);
			else spawnSync('mkfifo', [at]);
			made.set(file, published && kind !== 'file' ? kind : '');
		}
		const output = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), '--format', 'json', '--no-git'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
		if (output.error) throw new Error(`check did not finish: ${output.error.message}`);
		if (output.stdout.includes('SECRET-OUTSIDE') || output.stderr.includes('SECRET-OUTSIDE')) throw new Error('check read a file outside the specs folder');
		const { diagnostics } = JSON.parse(output.stdout) as { diagnostics: { file: string; code: string }[] };
		for (const [file, kind] of made) {
			if (!kind) continue;
			if (!diagnostics.some((diagnostic) => diagnostic.file === `specs/${file}` && diagnostic.code === 'file-not-regular')) throw new Error(`specs/${file} (${kind}) is not reported as file-not-regular`);
		}
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/** MDX nested through expressions, components and lists at random depths, around the limits. */
const mdxDepth = fc
	.tuple(
		specObject,
		fc.array(fc.constantFrom('{', '[', '(', '<b>', '{<i>', '- ', '> ', '!', '`', "'", '/*'), { minLength: 1, maxLength: 4 }),
		fc.integer({ min: 1, max: 3_000 }),
	)
	.map(([object, units, count]) => {
		const opening = Array.from({ length: count }, (_, index) => units[index % units.length]!).join('');
		const closing = opening.split('').reverse().join('').replace(/[{[(]/gu, (bracket) => ({ '{': '}', '[': ']', '(': ')' })[bracket]!);
		return `${render(object)}\n## Appendix\n\n${opening}x${closing}\n`;
	});

/**
 * `check --fix` on one file: a second run changes nothing, a file with no fixable finding is not
 * changed at all, and only the lines a reported fix names change.
 */
export function checkFix(file: GeneratedFile): void {
	const fixed = fixSource(file.source, file.path);
	const again = fixSource(fixed.source, file.path);
	if (again.source !== fixed.source || again.fixes.length) throw new Error(`a second --fix changed the file again: ${JSON.stringify(again.fixes)}`);
	const { diagnostics } = analyzeSpecs([file], { specsDir: 'specs', today: TODAY, fileExists: () => true });
	const fixable = diagnostics.some((diagnostic) => (FIXABLE_CODES as readonly string[]).includes(diagnostic.code));
	if (!fixable && fixed.source !== file.source) throw new Error(`--fix changed a file without a fixable finding: ${JSON.stringify(fixed.fixes)}`);
	// Lines as positions count them: CRLF, CR or LF ends one.
	const before = file.source.split(/\r\n|\r|\n/u);
	const after = fixed.source.split(/\r\n|\r|\n/u);
	if (before.length !== after.length) throw new Error('--fix changed the number of lines');
	const fixedLines = new Set(fixed.fixes.map((fix) => fix.line));
	const changed = before.flatMap((line, index) => (line === after[index] ? [] : [index + 1]));
	const unreported = changed.filter((line) => !fixedLines.has(line));
	if (unreported.length) throw new Error(`--fix changed lines ${unreported.join(', ')} without reporting a fix there`);
}

export type PropertyName = 'mutated folder' | 'mutated spec' | 'noise' | 'frontmatter' | 'stress' | 'site render' | 'raw html' | 'frontmatter blocks' | 'names' | 'links' | 'mdx depth' | 'fix';

/** The named properties, each a fast-check property over a whole run. */
export const PROPERTIES: Record<PropertyName, fc.IProperty<unknown>> = {
	'mutated folder': fc.property(mutatedFolder, (files) => checkFiles(files)),
	'mutated spec': fc.property(specObject, fc.array(mutation, { minLength: 1, maxLength: 20 }), extension, (object, edits, ext) =>
		checkFiles([{ path: `specs/x${ext}`, source: mutate(render(object), edits) }]),
	),
	noise: fc.property(noise, extension, (text, ext) => checkFiles([{ path: `specs/x${ext}`, source: text }])),
	frontmatter: fc.property(frontmatter, extension, (text, ext) => checkFiles([{ path: `specs/x${ext}`, source: text }])),
	stress: fc.property(stress, extension, (text, ext) => checkFiles([{ path: `specs/x${ext}`, source: text }])),
	'site render': fc.property(fc.oneof(stress, mutatedFolder.map((files) => files[0]!.source)), extension, (text, ext) =>
		checkRendering([{ path: `specs/x${ext}`, source: text }]),
	),
	'raw html': fc.property(rawHtml, (text) => checkRenderedHtml([{ path: 'specs/x.md', source: text }])),
	'frontmatter blocks': fc.property(frontmatterBlocks, (text) => checkFrontmatterAgreement([{ path: 'specs/x.md', source: text }])),
	names: fc.property(fc.array(fc.array(fileName, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (names) => checkNames(names)),
	links: fc.property(linkTree, (entries) => checkLinks(entries)),
	'mdx depth': fc.property(mdxDepth, (text) => checkRendering([{ path: 'specs/x.mdx', source: text }])),
	fix: fc.property(specObject, fc.array(fixableDamage, { maxLength: 6 }), fc.array(mutation, { maxLength: 3 }), extension, (object, damages, edits, ext) =>
		checkFix({ path: `specs/x${ext}`, source: mutate(damage(render(object), damages), edits) }),
	),
};
