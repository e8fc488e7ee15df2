/**
 * Property tests: random valid spec objects, written out in random Markdown spellings, parse back
 * to the same object; and no input at all, however mangled, makes the analyser throw or point at a
 * line the file does not have.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFile, analyzeSpecs, type Diagnostic } from '../../src/core/index.ts';
import { locationProblems, mutate, mutation, render, specObject, TODAY } from '../helpers/spec-arbitraries.ts';
import { PROPERTIES } from '../fuzz/properties.ts';

const analyze = (source: string, path = 'specs/x.md') => analyzeFile({ path, source }, { specsDir: 'specs', today: TODAY, fileExists: () => false });

const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();

describe('round trip: random valid specs in random spellings', () => {
	it('parse back to the same object', () => {
		fc.assert(
			fc.property(specObject, (object) => {
				const source = render(object);
				const { spec, diagnostics } = analyze(source);
				expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
				expect(spec).not.toBeNull();
				expect({
					feature: spec!.feature,
					authors: spec!.authors.map(({ name, email, handle }) => ({ name, email, handle })),
					status: spec!.status,
					lastUpdated: spec!.lastUpdated,
					tags: spec!.tags,
					phases: spec!.phases.map(({ number, name, tasks, dependencies, timeline }) => ({ number, name, tasks, dependencies, timeline })),
					rolloutPlan: spec!.rolloutPlan,
				}).toEqual({
					feature: collapse(object.feature),
					authors: object.authors.map(({ name, email, handle }) => ({ name, email, handle })),
					status: object.status,
					lastUpdated: object.lastUpdated,
					tags: object.tags,
					phases: object.phases.map((entry, index) => ({
						number: index + 1,
						name: collapse(entry.name),
						tasks: entry.tasks.map(collapse),
						dependencies: entry.dependencies.map(collapse),
						timeline: entry.timeline,
					})),
					rolloutPlan: object.rollout.map(collapse),
				});
				// Every phase is dated or not as its timeline says; a TBD never has a duration.
				spec!.phases.forEach((entry) => {
					if (/^tbd$/iu.test(entry.timeline)) expect(entry).toMatchObject({ start: null, end: null, durationDays: null });
					else expect(entry.durationDays).toBeGreaterThan(0);
					if (entry.start !== null) expect(entry.end! >= entry.start).toBe(true);
				});
			}),
			{ numRuns: 300 }
		);
	});
});

/** Every diagnostic points at a line and column that exist in the file. */
function expectLocated(source: string, diagnostics: Diagnostic[]) {
	expect(locationProblems(source, diagnostics)).toEqual([]);
}

describe('robustness', () => {
	it('arbitrary text never throws, as .md or .mdx', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.boolean(), (text, mdx) => {
				const result = analyze(text, mdx ? 'specs/x.mdx' : 'specs/x.md');
				expectLocated(text, result.diagnostics);
			}),
			{ numRuns: 300 }
		);
	});

	it('arbitrary Markdown-ish text never throws and locates every finding', () => {
		const token = fc.constantFrom('## Overview\n', '### Phase 1: A\n', '- **Feature**: ', '- **Status**: ', 'Draft', '\n', '\r\n', '---\n', '  1. ', '- **Tasks**:\n', '**', '__', '[x](y.md)', '<', '>', '{', '}', '`', '# T\n', 'Q1 2027', ' → ', 'tags: [a]\n', '\t', ' ');
		fc.assert(
			fc.property(fc.array(fc.oneof(token, fc.string({ maxLength: 5 })), { maxLength: 120 }), fc.boolean(), (parts, mdx) => {
				const text = parts.join('');
				expectLocated(text, analyze(text, mdx ? 'specs/x.mdx' : 'specs/x.md').diagnostics);
			}),
			{ numRuns: 300 }
		);
	});

	it('mutations of a valid spec (lines and sections deleted, duplicated, swapped; random Unicode; truncation) never throw, and every diagnostic points at a line and column the file has', () => {
		fc.assert(
			fc.property(specObject, fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), (object, edits, mdx) => {
				const source = mutate(render(object), edits);
				const result = analyze(source, mdx ? 'specs/x.mdx' : 'specs/x.md');
				expectLocated(source, result.diagnostics);
				// A spec is produced exactly when there is no error.
				const hasError = result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
				if (result.spec) expect(hasError).toBe(false);
			}),
			{ numRuns: 300 }
		);
	});

	it('many mangled files in one run: every file’s findings are located in that file', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(specObject, fc.array(mutation, { maxLength: 4 })), { minLength: 1, maxLength: 5 }), (entries) => {
				const files = entries.map(([object, edits], index) => ({ path: `specs/f${index}.md`, source: mutate(render(object), edits) }));
				const { diagnostics } = analyzeSpecs(files, { specsDir: 'specs', today: TODAY, fileExists: () => false });
				for (const file of files) expectLocated(file.source, diagnostics.filter((diagnostic) => diagnostic.file === file.path));
				expect(new Set(diagnostics.map((diagnostic) => diagnostic.file)).size).toBeLessThanOrEqual(files.length);
			}),
			{ numRuns: 100 }
		);
	});
});

describe('the fuzz campaign’s properties (a short run of each; `npm run fuzz` runs them for minutes)', () => {
	// These two write folders and run check as a process for each case: a few cases here, many in the campaign.
	const onDisk = new Set(['names', 'links']);
	it.each(Object.keys(PROPERTIES) as (keyof typeof PROPERTIES)[])('%s', (name) => {
		fc.assert(PROPERTIES[name], { numRuns: onDisk.has(name) ? 8 : 40 });
	});
});
