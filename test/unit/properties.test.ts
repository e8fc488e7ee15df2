/**
 * Property tests: random valid spec objects, written out in random Markdown spellings, parse back
 * to the same object; and no input at all, however mangled, makes the analyser throw or point at a
 * line the file does not have.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFile, analyzeSpecs, STATUSES, type Diagnostic, type Status } from '../../src/spec/index.ts';
import { buildSpec, type PhaseOptions, type SpecStyle } from '../helpers/spec-builder.ts';

const TODAY = '2026-11-26';
const analyze = (source: string, path = 'specs/x.md') => analyzeFile({ path, source }, { specsDir: 'specs', today: TODAY, fileExists: () => false });

/** Words that mean something to the format (`and` splits authors, `None` empties a list, `TBD`…) are avoided in plain text. */
const RESERVED = new Set(['and', 'none', 'na', 'nothing', 'tbd', 'n']);
const word = fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/u).filter((text) => !RESERVED.has(text.toLowerCase()));
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));
/** Plain prose: words with some punctuation that is not Markdown syntax, never starting with a digit or a marker. */
const prose = fc
	.tuple(words(1, 6), fc.constantFrom('', '.', ',', ' (beta)', ': phase two', ' - v2', "'s", ' 100%'), fc.option(words(1, 4), { nil: undefined }))
	.map(([head, punctuation, tail]) => `${head}${punctuation}${tail ? ` ${tail}` : ''}`);

const author = fc.record(
	{
		name: fc.array(fc.stringMatching(/^[A-Z][a-z]{1,8}$/u).filter((text) => !RESERVED.has(text.toLowerCase())), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
		email: fc.option(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}[a-z0-9]$/u), fc.constantFrom('example.com', 'mail.example.co.uk')).map(([user, host]) => `${user}@${host}`), { nil: undefined }),
		// `__` between punctuation is real Markdown emphasis (`@a-__b, @c__-d`), so handles have no double underscore.
		handle: fc.option(fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}[a-z0-9]$/u).filter((text) => !text.includes('__')), { nil: undefined }),
	},
	{ requiredKeys: ['name'] }
);

const isoDate = (min: string, max: string) => fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A valid Timeline in one of the contract's forms. */
const timeline = fc.oneof(
	fc
		.tuple(isoDate('2026-01-01', '2029-12-31'), fc.integer({ min: 0, max: 400 }), fc.constantFrom(' → ', ' -> ', ' – ', ' — ', ' to ', ' .. ', '..'))
		.map(([start, days, arrow]) => {
			const end = new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
			return `${start}${arrow}${end}`;
		}),
	fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2026, max: 2030 }), fc.boolean()).map(([q, year, isoStyle]) => (isoStyle ? `${year}-Q${q}` : `Q${q} ${year}`)),
	fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 2026, max: 2030 })).map(([q, more, year]) => `Q${q}–Q${q + more} ${year}`),
	fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2026, max: 2030 }), fc.constantFrom('iso', 'short', 'long')).map(([month, year, style]) =>
		style === 'iso'
			? `${year}-${String(month).padStart(2, '0')}`
			: style === 'short'
				? `${MONTHS[month - 1]} ${year}`
				: `${new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}`
	),
	fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 2026, max: 2030 })).map(([from, span, year]) => `${MONTHS[from - 1]}–${MONTHS[from - 1 + span]} ${year}`),
	fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2026, max: 2029 })).map(([from, to, year]) => `${MONTHS[from - 1]} ${year} – ${MONTHS[to - 1]} ${year + 1}`),
	fc.tuple(fc.integer({ min: 1, max: 52 }), fc.constantFrom('week', 'weeks', 'day', 'days')).map(([count, unit]) => `${count} ${count === 1 ? unit.replace(/s$/u, '') : unit.endsWith('s') ? unit : `${unit}s`}`),
	fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 4 })).map(([low, extra]) => `${low}-${low + extra} weeks`),
	fc.constantFrom('TBD', 'tbd')
);

const phase = fc.record({
	name: prose,
	tasks: fc.array(prose, { minLength: 1, maxLength: 4 }),
	dependencies: fc.array(prose, { maxLength: 3 }),
	timeline,
});

const style: fc.Arbitrary<SpecStyle> = fc.record({
	bullet: fc.constantFrom('-', '*', '+'),
	label: fc.constantFrom('outside', 'inside', 'underscore', 'underscore-inside'),
	headingCase: fc.constantFrom('as-is', 'lower', 'upper'),
	closingHashes: fc.boolean(),
	setext: fc.boolean(),
	eol: fc.constantFrom('\n', '\r\n'),
	bom: fc.boolean(),
});

const randomCase = (text: string) =>
	fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((flags) => [...text].map((char, index) => (flags[index] ? char.toUpperCase() : char.toLowerCase())).join(''));

const specObject = fc
	.record({
		feature: prose.filter((text) => text.length <= 120),
		authors: fc.array(author, { minLength: 1, maxLength: 4 }),
		authorsLabel: fc.constantFrom('Author(s)', 'Authors', 'Author', 'authors'),
		separator: fc.constantFrom(', ', ' and ', ', and ', ' , '),
		status: fc.constantFrom<Status>(...STATUSES),
		lastUpdated: isoDate('2020-01-01', TODAY),
		tags: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/u), { maxLength: 4 }),
		phases: fc.array(phase, { minLength: 1, maxLength: 4 }),
		rollout: fc.array(prose, { minLength: 1, maxLength: 5 }),
		style,
	})
	.chain((spec) => randomCase(spec.status).map((written) => ({ ...spec, writtenStatus: written })))
	// Approved specs have no TBD timeline; that is an error, tested elsewhere.
	.map((spec) => (spec.status === 'Approved' ? { ...spec, phases: spec.phases.map((p) => (/^tbd$/iu.test(p.timeline) ? { ...p, timeline: '3 weeks' } : p)) } : spec));

type SpecObject = typeof specObject extends fc.Arbitrary<infer T> ? T : never;

function render(spec: SpecObject): string {
	const authors = spec.authors
		.map((entry) => [entry.name, entry.email ? `<${entry.email}>` : '', entry.handle ? `@${entry.handle}` : ''].filter(Boolean).join(' '))
		.join(spec.separator);
	const phases: PhaseOptions[] = spec.phases.map((entry) => ({ ...entry }));
	return buildSpec({
		feature: spec.feature,
		authors,
		authorsLabel: spec.authorsLabel,
		status: spec.writtenStatus,
		lastUpdated: spec.lastUpdated,
		phases,
		rollout: spec.rollout,
		style: spec.style,
		...(spec.tags.length ? { frontmatter: { tags: spec.tags } } : {}),
	});
}

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
	const lines = source.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
	for (const diagnostic of diagnostics) {
		expect(diagnostic.line, JSON.stringify(diagnostic)).toBeGreaterThanOrEqual(1);
		expect(diagnostic.line, JSON.stringify(diagnostic)).toBeLessThanOrEqual(lines.length);
		expect(diagnostic.column, JSON.stringify(diagnostic)).toBeGreaterThanOrEqual(1);
		expect(diagnostic.column, JSON.stringify(diagnostic)).toBeLessThanOrEqual(lines[diagnostic.line - 1]!.length + 1);
	}
}

/** Edits that break a valid spec the way people and merges do. */
const mutation = fc.oneof(
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
	fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 40 }) }),
	fc.record({ kind: fc.constant('insertSyntax' as const), at: fc.nat(), text: fc.constantFrom('---', '## ', '### Phase', '- **', '**', '```', '<Aside>', '{', '<!--', '1. ', '  - ', '\t', '\\', '[', '](', '\r', '\uFEFF') }),
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom(' ', '  ', '    ', '\t') })
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(source: string, edits: readonly Mutation[]): string {
	let lines = source.split('\n');
	for (const edit of edits) {
		const index = lines.length ? edit.at % lines.length : 0;
		switch (edit.kind) {
			case 'delete':
				lines.splice(index, edit.count);
				break;
			case 'duplicate':
				lines.splice(index, 0, lines[index] ?? '');
				break;
			case 'swap': {
				const other = lines.length ? edit.with % lines.length : 0;
				[lines[index], lines[other]] = [lines[other] ?? '', lines[index] ?? ''];
				break;
			}
			case 'insert':
			case 'insertSyntax': {
				const line = lines[index] ?? '';
				const column = line.length ? edit.at % (line.length + 1) : 0;
				lines[index] = line.slice(0, column) + edit.text + line.slice(column);
				break;
			}
			case 'truncate':
				lines = lines.slice(0, index);
				break;
			case 'indent':
				lines[index] = edit.by + (lines[index] ?? '');
				break;
		}
	}
	return lines.join('\n');
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

	it('mutations of a valid spec never throw, and every diagnostic points at a line the file has', () => {
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
