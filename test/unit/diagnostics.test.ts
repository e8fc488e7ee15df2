/**
 * One case per code of the diagnostics table: a crafted bad spec, and the complete list of what
 * the check reports about it (code, severity, file, line and column), so a wrong position, a
 * missing or a duplicate report all fail. Every case runs twice: as written, and with CRLF line
 * ends and a BOM, which must not move a single position.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument as parseYaml } from 'yaml';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSpecFile, readSpecFile } from '../../src/core/files.ts';
import {
	analyzeSpecs,
	DIAGNOSTICS,
	type AnalyzeOptions,
	type DiagnosticCode,
	type Severity,
	type SourceFile,
} from '../../src/core/index.ts';
import { lastChangedHistory } from '../helpers/git-history.ts';
import { buildSpec, columnOf, edit, lineOf } from '../helpers/spec-builder.ts';

const TODAY = '2026-11-26';
const FILE = 'specs/payments/retry.md';

// A spec that is a symbolic link to a deleted file, read the way the CLI and the loader read it.
const linkFolder = mkdtempSync(join(tmpdir(), 'specbook-link-'));
symlinkSync(join(linkFolder, 'deleted.md'), join(linkFolder, 'retry.md'));
const brokenLink = { ...(await readSpecFile('retry.md', { cwd: linkFolder })), path: FILE };
// A spec deleted between listing the folder and reading it.
const vanished = { ...(await readSpecFile('vanished.md', { cwd: linkFolder })), path: FILE };

/** One expected diagnostic; severity defaults to the table's, column to "any" when not given. */
interface Expected {
	code: DiagnosticCode;
	line: number;
	column?: number;
	file?: string;
	severity?: Severity;
}

interface Case {
	/** Path → source text (or a ready SourceFile, e.g. decoded from bytes). */
	files: Record<string, string | SourceFile>;
	options?: Partial<AnalyzeOptions>;
	/** Everything the run must report, in reading order. */
	expected: Expected[];
	/** False for sources whose bytes matter (no CRLF/BOM variant). */
	variants?: boolean;
	/** Message fragment the first expected diagnostic must contain. */
	message?: string;
}

function run(files: Case['files'], options: Partial<AnalyzeOptions> & { focus?: ReadonlySet<string> } = {}) {
	const sources = Object.entries(files).map(([path, file]) => (typeof file === 'string' ? { path, source: file } : file));
	const result = analyzeSpecs(sources, { specsDir: 'specs', today: TODAY, fileExists: () => false, ...options });
	return result;
}

const toCrlfBom = (source: string) => `\uFEFF${source.replace(/\r?\n/gu, '\r\n')}`;

/** A position in `source`: the line holding `needle` (after line `after`) and the column where `at` starts on it. */
function at(source: string, needle: string, atText = needle, after = 0) {
	const line = lineOf(source, needle, after);
	return { line, column: columnOf(source, line, atText) };
}

const spec = buildSpec();
const mdxImport = "import { Aside } from '@astrojs/starlight/components';";

const CASES: Record<DiagnosticCode, () => Case> = {
	'file-empty': () => ({ files: { [FILE]: '\n  \n' }, expected: [{ code: 'file-empty', line: 1, column: 1 }] }),
	'file-too-large': () => ({
		files: { [FILE]: decodeSpecFile(FILE, new TextEncoder().encode(spec), 1000) },
		expected: [{ code: 'file-too-large', line: 1, column: 1 }],
		variants: false,
		message: 'over the limit of 1000 bytes',
	}),
	'file-encoding': () => {
		const bytes = new TextEncoder().encode(spec);
		const line = lineOf(spec, '**Goals**');
		const offset = spec.split('\n').slice(0, line - 1).join('\n').length + 5;
		const broken = Uint8Array.from(bytes, (byte, index) => (index === offset ? 0xff : byte));
		return { files: { [FILE]: decodeSpecFile(FILE, broken) }, expected: [{ code: 'file-encoding', line }], variants: false, message: 'invalid UTF-8' };
	},
	'file-unreadable': () => ({
		files: { [FILE]: vanished },
		expected: [{ code: 'file-unreadable', line: 1, column: 1 }],
		variants: false,
		message: 'it no longer exists',
	}),
	'file-not-regular': () => ({
		files: { [FILE]: brokenLink },
		expected: [{ code: 'file-not-regular', line: 1, column: 1 }],
		variants: false,
		message: 'This file is a symbolic link',
	}),
	'file-name': () => ({
		files: { 'specs/payments/retry #2.md': spec },
		expected: [{ code: 'file-name', file: 'specs/payments/retry #2.md', line: 1, column: 1 }],
		message: 'The name "retry #2.md" contains "#"',
	}),
	'file-extension': () => ({
		files: { 'specs/payments/retry.MD': spec },
		expected: [{ code: 'file-extension', file: 'specs/payments/retry.MD', line: 1, column: 1 }],
		message: '".MD"',
	}),
	'id-duplicate': () => ({
		files: { 'specs/payments/Retry.mdx': buildSpec({ feature: 'Other' }), [FILE]: spec },
		// The later path in sort order gets the error, naming the earlier one.
		expected: [{ code: 'id-duplicate', file: FILE, line: 1, column: 1 }],
		message: 'specs/payments/Retry.mdx',
	}),
	'frontmatter-unclosed': () => ({ files: { [FILE]: `---\ntags: [payments]\n${spec}` }, expected: [{ code: 'frontmatter-unclosed', line: 1, column: 1 }] }),
	'frontmatter-dropped': () => {
		const source = buildSpec({ frontmatter: 'tags: [payments]' }).replace('---\n', '---\nsupersedes: []\n---\n---\n');
		return { files: { [FILE]: source }, expected: [{ code: 'frontmatter-dropped', line: 4, column: 1 }], message: 'second frontmatter' };
	},
	'frontmatter-syntax': () => {
		const source = buildSpec({ frontmatter: 'tags: [payments\nsupersedes: []' });
		return { files: { [FILE]: source }, expected: [{ code: 'frontmatter-syntax', line: 3 }] };
	},
	'frontmatter-not-mapping': () => ({ files: { [FILE]: buildSpec({ frontmatter: '- payments\n- reliability' }) }, expected: [{ code: 'frontmatter-not-mapping', line: 2, column: 1 }] }),
	'frontmatter-unknown-key': () => ({
		files: { [FILE]: buildSpec({ frontmatter: 'tags: [payments]\ntag: [retries]' }) },
		expected: [{ code: 'frontmatter-unknown-key', line: 3, column: 1 }],
		message: 'did you mean "tags"',
	}),
	'frontmatter-type': () => ({
		files: { [FILE]: buildSpec({ frontmatter: 'tags:\n  - payments\n  - 42\nsupersedes: []' }) },
		expected: [{ code: 'frontmatter-type', line: 4, column: 5 }],
	}),
	'tags-too-many': () => ({
		files: { [FILE]: buildSpec({ frontmatter: `supersedes: []\ntags: [${Array.from({ length: 51 }, (_, index) => `t${index}`).join(', ')}]` }) },
		expected: [{ code: 'tags-too-many', line: 3, column: 1 }],
		message: '51 tags; the limit is 50',
	}),
	'supersedes-unknown': () => ({
		files: { [FILE]: buildSpec({ frontmatter: 'tags: [payments]\nsupersedes:\n  - payments/retry-v0' }) },
		expected: [{ code: 'supersedes-unknown', line: 4, column: 5 }],
	}),
	'supersedes-cycle': () => ({
		files: {
			[FILE]: buildSpec({ feature: 'Retry v2', frontmatter: 'supersedes:\n  - payments/retry-v1' }),
			'specs/payments/retry-v1.md': buildSpec({ feature: 'Retry v1', frontmatter: 'tags: [payments]\nsupersedes: [payments/retry-v0]' }),
			'specs/payments/retry-v0.md': buildSpec({ feature: 'Retry v0', frontmatter: 'supersedes: [payments/retry-v1]' }),
		},
		// Only the specs on the circle (v0 ⇄ v1) are told, each at the entry leading round it; retry.md merely points into it.
		expected: [
			{ code: 'supersedes-cycle', line: 2, column: 14, file: 'specs/payments/retry-v0.md' },
			{ code: 'supersedes-cycle', line: 3, column: 14, file: 'specs/payments/retry-v1.md' },
		],
		message: 'payments/retry-v0 → payments/retry-v1 → payments/retry-v0',
	}),
	'missing-section': () => {
		const source = buildSpec({ omitSections: ['Monitoring'] });
		// Reported where the section belongs: at the next template section.
		return { files: { [FILE]: source }, expected: [{ code: 'missing-section', ...at(source, '## Documentation') }], message: '"Monitoring"' };
	},
	'missing-field': () => {
		const source = buildSpec({ values: { Goals: null } });
		return { files: { [FILE]: source }, expected: [{ code: 'missing-field', ...at(source, '## Background') }], message: 'Background is missing the field "Goals"' };
	},
	'empty-field': () => {
		const source = buildSpec({ values: { Goals: '' } });
		return { files: { [FILE]: source }, expected: [{ code: 'empty-field', ...at(source, '**Goals**') }] };
	},
	placeholder: () => {
		const source = buildSpec({ values: { Goals: '[Technical goals]' } });
		return { files: { [FILE]: source }, expected: [{ code: 'placeholder', ...at(source, '[Technical goals]') }] };
	},
	'duplicate-section': () => {
		const source = `${spec}\n## Background\n- **Context**: Said twice.\n`;
		return { files: { [FILE]: source }, expected: [{ code: 'duplicate-section', ...at(source, '## Background', '## Background', lineOf(source, '## Background')) }], message: 'first at line 9' };
	},
	'duplicate-field': () => {
		const source = edit(spec, '- **Goals**', '- **Context**: Said twice.\n- **Goals**');
		const first = lineOf(source, '**Context**');
		return { files: { [FILE]: source }, expected: [{ code: 'duplicate-field', ...at(source, '**Context**', '**Context**', first) }], message: `first at line ${first}` };
	},
	'section-typo': () => {
		const source = edit(spec, '### Integration Testing', '### Integation Testing');
		return { files: { [FILE]: source }, expected: [{ code: 'section-typo', ...at(source, '### Integation Testing') }], message: 'did you mean "Integration Testing"' };
	},
	'section-decorated': () => {
		const source = edit(spec, '### Integration Testing', '### 🧪 Integration Testing');
		return { files: { [FILE]: source }, expected: [{ code: 'section-decorated', ...at(source, '### 🧪 Integration Testing') }], message: 'stands for the template section "Integration Testing"' };
	},
	'label-typo': () => {
		const source = edit(spec, '**Problem Statement**', '**Problem Statment**');
		return { files: { [FILE]: source }, expected: [{ code: 'label-typo', ...at(source, '**Problem Statment**') }], message: 'did you mean "Problem Statement"' };
	},
	'label-not-bold': () => {
		const source = edit(spec, '**Status**: In Review', '**Status:**In Review');
		return { files: { [FILE]: source }, expected: [{ code: 'label-not-bold', ...at(source, '**Status:**In Review') }], message: '"**Status:**" is not bold' };
	},
	'text-forbidden-character': () => {
		const source = buildSpec({ feature: 'Retry policy\u001B[2J', authors: 'Ana Lima\u0007', frontmatter: 'tags: [payments, "pay\\u009Bments"]' });
		return {
			files: { [FILE]: source },
			expected: [
				{ code: 'text-forbidden-character', line: 2, column: 18 },
				{ code: 'text-forbidden-character', ...at(source, '**Feature**', 'Retry policy') },
				{ code: 'text-forbidden-character', ...at(source, '**Author(s)**', 'Ana Lima') },
			],
			message: '"tags" holds the control character U+009B',
		};
	},
	'feature-too-long': () => {
		const source = buildSpec({ feature: 'A'.repeat(121) });
		return { files: { [FILE]: source }, expected: [{ code: 'feature-too-long', ...at(source, '**Feature**', 'AAAA') }] };
	},
	'feature-duplicate': () => {
		const later = buildSpec({ feature: 'payment  retry POLICY' });
		return {
			files: { 'specs/payments/a-first.md': spec, [FILE]: later },
			expected: [{ code: 'feature-duplicate', file: FILE, ...at(later, '**Feature**', 'payment  retry') }],
			message: 'specs/payments/a-first.md',
		};
	},
	'authors-invalid': () => {
		const source = buildSpec({ authors: ', and ,' });
		return { files: { [FILE]: source }, expected: [{ code: 'authors-invalid', ...at(source, '**Author(s)**', ', and ,') }] };
	},
	'authors-too-many': () => {
		const names = Array.from({ length: 51 }, (_, index) => `Engineer ${index}`).join(', ');
		const source = buildSpec({ authors: names });
		return { files: { [FILE]: source }, expected: [{ code: 'authors-too-many', ...at(source, '**Author(s)**', 'Engineer 0,') }], message: '51 people; the limit is 50' };
	},
	'date-invalid': () => {
		const source = buildSpec({ lastUpdated: '2026-02-29' });
		return { files: { [FILE]: source }, expected: [{ code: 'date-invalid', ...at(source, '2026-02-29') }] };
	},
	'date-future': () => {
		// A day past today is a date some time zone may already have (see latestAllowedDate); two days is not.
		const source = buildSpec({ lastUpdated: '2026-11-28' });
		return { files: { [FILE]: source }, expected: [{ code: 'date-future', ...at(source, '2026-11-28') }] };
	},
	'status-invalid': () => {
		const source = buildSpec({ status: 'Done' });
		return { files: { [FILE]: source }, expected: [{ code: 'status-invalid', ...at(source, '**Status**', 'Done') }] };
	},
	'phases-missing': () => {
		const source = buildSpec({ phases: [] });
		return { files: { [FILE]: source }, expected: [{ code: 'phases-missing', ...at(source, '## Implementation') }] };
	},
	'phase-heading': () => {
		const source = edit(spec, '### Phase 2: Rollout', '### Phase Two: Rollout');
		return { files: { [FILE]: source }, expected: [{ code: 'phase-heading', ...at(source, '### Phase Two') }] };
	},
	'phase-numbering': () => {
		const source = edit(spec, '### Phase 2: Rollout', '### Phase 3: Rollout');
		return { files: { [FILE]: source }, expected: [{ code: 'phase-numbering', ...at(source, '### Phase 3') }], message: 'Phase 3 should be Phase 2' };
	},
	'tasks-empty': () => {
		const source = edit(spec, '- **Tasks**:\n  1. Enable for 1% of traffic', '- **Tasks**: None');
		return { files: { [FILE]: source }, expected: [{ code: 'tasks-empty', ...at(source, '- **Tasks**: None', 'None') }], message: 'Phase 2' };
	},
	'timeline-invalid': () => {
		const source = buildSpec({ phases: [{ name: 'Foundations', tasks: ['Write it'], timeline: 'Early next year' }] });
		return { files: { [FILE]: source }, expected: [{ code: 'timeline-invalid', ...at(source, 'Early next year') }] };
	},
	'timeline-tbd': () => {
		const source = buildSpec({ status: 'Approved', phases: [{ name: 'Foundations', tasks: ['Write it'], timeline: 'Q1 2027' }, { name: 'Rollout', tasks: ['Ship it'], timeline: 'TBD' }] });
		return { files: { [FILE]: source }, expected: [{ code: 'timeline-tbd', ...at(source, '**Timeline**: TBD', 'TBD') }], message: 'Phase 2' };
	},
	'rollout-empty': () => {
		const source = edit(spec, '1. Deploy with the flag off\n2. Enable for 10% of merchants\n3. Enable for everyone\n', 'We will see.\n');
		return { files: { [FILE]: source }, expected: [{ code: 'rollout-empty', ...at(source, '### Rollout Plan') }] };
	},
	'html-unsafe': () => {
		const source = buildSpec({ extraSections: [{ title: 'Appendix', body: 'Some text.\n\n<script>alert(1)</script>' }] });
		return { files: { [FILE]: source }, expected: [{ code: 'html-unsafe', ...at(source, '<script>') }] };
	},
	'html-pagefind-attribute': () => {
		const source = buildSpec({ extraSections: [{ title: 'Appendix', body: 'Some text.\n\n<div data-pagefind-filter="status:Approved">x</div>' }] });
		return { files: { [FILE]: source }, expected: [{ code: 'html-pagefind-attribute', ...at(source, 'data-pagefind-filter') }], message: 'data-pagefind-filter= on <div>' };
	},
	'mdx-syntax': () => {
		const source = buildSpec({ preamble: mdxImport }).replace('## Background', '<Aside type="note">\nNever closed.\n\n## Background');
		return { files: { 'specs/payments/retry.mdx': source }, expected: [{ code: 'mdx-syntax', file: 'specs/payments/retry.mdx', line: lineOf(source, '<Aside') }] };
	},
	'markdown-too-complex': () => {
		const source = `${spec}\n## Appendix\n\n${'> '.repeat(12_000)}deep\n`;
		return { files: { [FILE]: source }, expected: [{ code: 'markdown-too-complex', line: lineOf(source, '> > >'), column: 1 }], message: 'nest about 12000 levels' };
	},
	'code-meta-unsafe': () => {
		const source = buildSpec({ extraSections: [{ title: 'Notes', body: '```js {1-2}\nok();\nok();\n```\n\n```js "/(a+)+$/" /(a+)+$/\naaaa!\n```' }] });
		return { files: { [FILE]: source }, expected: [{ code: 'code-meta-unsafe', ...at(source, '```js "') }], message: '`/(a+)+$/` is refused' };
	},
	'directive-invalid': () => {
		const source = buildSpec({ extraSections: [{ title: 'Notes', body: ':::tip{icon="rocket"}\nFine.\n:::\n\n:::note{icon="nope"}\nRefused.\n:::' }] });
		return { files: { [FILE]: source }, expected: [{ code: 'directive-invalid', ...at(source, ':::note') }], message: 'icon="nope"' };
	},
	'mdx-disabled': () => ({
		files: { 'specs/payments/retry.mdx': buildSpec({ preamble: mdxImport }) },
		options: { mdx: false },
		expected: [{ code: 'mdx-disabled', file: 'specs/payments/retry.mdx', line: 1, column: 1 }],
	}),
	'link-broken': () => {
		const source = buildSpec({ values: { Context: 'Builds on [the ledger spec](../ledger/idempotency.md).' } });
		return { files: { [FILE]: source }, expected: [{ code: 'link-broken', ...at(source, '[the ledger spec]') }], message: 'specs/ledger/idempotency.md' };
	},
	'link-anchor': () => {
		const source = buildSpec({ values: { Context: 'See [the plan](#rollout-plans).' } });
		return { files: { [FILE]: source }, expected: [{ code: 'link-anchor', ...at(source, '[the plan]') }] };
	},
	'git-stale': () => {
		const source = spec;
		return {
			files: { [FILE]: source },
			options: { git: lastChangedHistory([[FILE, '2026-11-25']]) },
			expected: [{ code: 'git-stale', ...at(source, '2026-11-20') }],
			message: '2026-11-25',
		};
	},
	'schedule-phase-order': () => {
		const source = buildSpec({
			phases: [
				{ name: 'Foundations', tasks: ['Write it'], timeline: '2027-01-04 → 2027-02-12' },
				{ name: 'Rollout', tasks: ['Ship it'], dependencies: ['Phase 1 in production'], timeline: '2027-02-01 → 2027-02-26' },
			],
		});
		return { files: { [FILE]: source }, expected: [{ code: 'schedule-phase-order', ...at(source, '2027-02-01') }] };
	},
	'schedule-cross-spec': () => {
		const ledger = buildSpec({ feature: 'Ledger v3', phases: [{ name: 'Build', tasks: ['Build it'], timeline: '2027-01-04 → 2027-03-31' }] });
		const source = buildSpec({ phases: [{ name: 'Foundations', tasks: ['Write it'], dependencies: ['[Ledger v3](../ledger/v3.md) live'], timeline: '2027-03-01 → 2027-03-31' }] });
		return {
			files: { 'specs/ledger/v3.md': ledger, [FILE]: source },
			expected: [{ code: 'schedule-cross-spec', file: FILE, ...at(source, '2027-03-01') }],
			message: 'ledger/v3',
		};
	},
	'schedule-started': () => {
		const source = buildSpec({ phases: [{ name: 'Foundations', tasks: ['Write it'], timeline: '2026-11-02 → 2026-12-18' }] });
		return { files: { [FILE]: source }, expected: [{ code: 'schedule-started', ...at(source, '2026-11-02') }] };
	},
};

function expectReport(testCase: Case, transform: (source: string) => string) {
	const files = Object.fromEntries(Object.entries(testCase.files).map(([path, file]) => [path, typeof file === 'string' ? transform(file) : file]));
	const { diagnostics } = run(files, testCase.options);
	const actual = diagnostics.map(({ file, code, severity, line, column }) => ({ file, code, severity, line, column }));
	const expected = testCase.expected.map((entry) => ({
		file: entry.file ?? FILE,
		code: entry.code,
		severity: entry.severity ?? DIAGNOSTICS[entry.code].severity,
		line: entry.line,
		column: entry.column ?? expect.any(Number),
	}));
	expect(actual).toEqual(expected);
	if (testCase.message) expect(diagnostics[0]!.message).toContain(testCase.message);
	for (const diagnostic of diagnostics) expect(diagnostic.hint).toBeTruthy();
}

describe('every diagnostic code, at its exact position', () => {
	it('every code of the table has a case here', () => {
		expect(Object.keys(CASES).sort()).toEqual(Object.keys(DIAGNOSTICS).sort());
	});

	describe.each(Object.keys(DIAGNOSTICS) as DiagnosticCode[])('%s', (code) => {
		it('is reported with its severity, at its line and column', () => {
			const testCase = CASES[code]();
			expect(testCase.expected.map((entry) => entry.code)).toContain(code);
			expectReport(testCase, (source) => source);
		});
		// Not for the cases about bytes, which CRLF and a BOM would change.
		if (CASES[code]().variants !== false) {
			it('at the same place with CRLF line ends and a BOM', () => {
				expectReport(CASES[code](), toCrlfBom);
			});
		}
	});

	it('file-encoding points at the line of the bad byte in non-ASCII text too', () => {
		const lines = Array.from({ length: 30 }, (_, index) => `- Привет, строка ${index + 1}`);
		const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
		const broken = new Uint8Array([...bytes, 0xff, 0x0a]);
		expect(decodeSpecFile(FILE, broken).problem?.position.line).toBe(31);
	});

	it('file-encoding: a NUL byte is located at its line', () => {
		const bytes = new TextEncoder().encode(spec);
		const line = lineOf(spec, '**Goals**');
		const offset = spec.split('\n').slice(0, line - 1).join('\n').length + 3;
		const file = decodeSpecFile(FILE, Uint8Array.from(bytes, (byte, index) => (index === offset ? 0 : byte)));
		expect(run({ [FILE]: file }).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.line])).toEqual([['file-encoding', line]]);
	});
});

describe('positions stay right around frontmatter and MDX imports', () => {
	it('body positions count the frontmatter lines and the import lines', () => {
		const source = buildSpec({ frontmatter: 'tags:\n  - payments\n  - retries', preamble: `${mdxImport}\n`, values: { Goals: '' } });
		const { diagnostics } = run({ 'specs/payments/retry.mdx': source });
		expect(diagnostics.map(({ code, line, column }) => ({ code, line, column }))).toEqual([{ code: 'empty-field', ...at(source, '**Goals**') }]);
	});

	it('YAML errors far into a frontmatter that swallowed Markdown are on the lines the YAML parser means', () => {
		// The closing fence was moved below Markdown: the YAML parser sees list items and headings.
		const source = edit(buildSpec({ frontmatter: { tags: ['payments'] }, style: { bullet: '*', label: 'inside' } }), '---\n# Payment', '# Payment').replace('### Technical Details', '---\n### Technical Details');
		const yaml = source.split('\n').slice(1, lineOf(source, '---', 1) - 1).join('\n');
		// Where the yaml package says each error is (as an offset), counted in lines of the file by hand.
		const expected = parseYaml(yaml, { uniqueKeys: true }).errors.map((error) => {
			const before = yaml.slice(0, error.pos[0]);
			return { code: 'frontmatter-syntax', line: before.split('\n').length + 1, column: before.length - before.lastIndexOf('\n') };
		});
		expect(expected.length).toBeGreaterThan(2);
		const { diagnostics } = run({ [FILE]: source });
		expect(diagnostics.filter((entry) => entry.code === 'frontmatter-syntax').map(({ code, line, column }) => ({ code, line, column }))).toEqual(expected);
	});

	it('frontmatter after leading blank lines is frontmatter, as Astro reads it: its tags count and its keys are checked', () => {
		const source = `\n\n${buildSpec({ frontmatter: 'tags: [payments]\nowner: ana' })}`;
		const { diagnostics, specs } = run({ [FILE]: source });
		expect(diagnostics.map(({ code, line }) => ({ code, line }))).toEqual([{ code: 'frontmatter-unknown-key', line: 5 }]);
		expect(run({ [FILE]: `\n\n${buildSpec({ frontmatter: 'tags: [payments]' })}` }).specs[0]!.tags).toEqual(['payments']);
		expect(specs).toEqual([]);
	});

	it('a +++ (TOML) block, or a second block right after the frontmatter, is an error at its first line; the rest is still checked at its own lines', () => {
		const body = buildSpec({ values: { Goals: null } });
		const cases = [
			{ source: `+++\ntags = ["payments"]\n+++\n${body}`, line: 1 },
			{ source: `\n+++\ntags = ["payments"]\n+++\n${body}`, line: 2 },
			{ source: `---\ntags: [payments]\n---\n\n+++\nowner = "ana"\n+++\n${body}`, line: 5 },
			{ source: `---\ntags: [payments]\n---\n---\nowner: ana\n---\n${body}`, line: 4 },
			// Opened and closed with different fences: Astro reads it, but leaves it on the page.
			{ source: `---\ntags: [payments]\n+++\n${body}`, line: 1 },
			// White space before the fence: not frontmatter to Astro, but the renderer gets the trimmed body.
			{ source: `  ---\ntags: [payments]\n---\n${body}`, line: 1 },
			{ source: `\n\uFEFF---\ntags: [payments]\n---\n${body}`, line: 2 },
		];
		for (const { source, line } of cases) {
			const found = run({ [FILE]: source }).diagnostics.map(({ code, line }) => ({ code, line }));
			const goals = lineOf(source, '## Background');
			expect(found, source.slice(0, 60)).toEqual([{ code: 'frontmatter-dropped', line }, { code: 'missing-field', line: goals }]);
		}
	});

	it('a thematic break after text is no frontmatter', () => {
		const source = buildSpec({ frontmatter: 'tags: [payments]', extraSections: [{ title: 'Notes', body: 'Text.\n\n---\n\nMore text.\n\n---\n' }] });
		expect(run({ [FILE]: source }).diagnostics).toEqual([]);
	});

	it('a file that ends on its closing frontmatter fence: a missing section is on the fence line, not past the end', () => {
		const source = '---\ntags: [payments]\n---';
		expect(run({ [FILE]: source }).diagnostics.map(({ code, line }) => ({ code, line }))).toEqual([{ code: 'missing-section', line: 3 }]);
	});

	it('a value on a continuation line is located there', () => {
		const source = buildSpec({ lastUpdated: '\n  2026-13-01' });
		expect(run({ [FILE]: source }).diagnostics.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
			{ code: 'date-invalid', ...at(source, '2026-13-01') },
		]);
	});
});

describe('status-aware strictness', () => {
	it('a Draft with sections missing and placeholders elsewhere is valid', () => {
		const source = buildSpec({
			status: 'Draft',
			omitSections: ['Monitoring', 'Rollout Plan'],
			values: { Goals: '[Technical goals]', Context: '', APIs: null },
			phases: [{ name: '[Phase Name]', tasks: ['[Task description]'], dependencies: ['[Dependency 1]'], timeline: '[Timeline estimate]' }],
		});
		const { diagnostics, specs } = run({ [FILE]: source });
		expect(diagnostics).toEqual([]);
		expect(specs.map((entry) => entry.status)).toEqual(['Draft']);
	});

	it('a Draft still needs a complete, valid Overview', () => {
		const source = buildSpec({ status: 'draft', lastUpdated: '[Date]', values: { Feature: null } });
		expect(run({ [FILE]: source }).diagnostics.map(({ code, severity, line }) => ({ code, severity, line }))).toEqual([
			{ code: 'missing-field', severity: 'error', line: lineOf(source, '## Overview') },
			{ code: 'placeholder', severity: 'error', line: lineOf(source, '[Date]') },
		]);
	});

	it('a Draft with a malformed timeline gets a warning at the Timeline and still passes', () => {
		const source = buildSpec({ status: 'Draft', phases: [{ name: 'Foundations', tasks: ['Write it'], timeline: 'after the freeze' }] });
		const { diagnostics, specs } = run({ [FILE]: source });
		expect(diagnostics.map(({ code, severity, line, column }) => ({ code, severity, line, column }))).toEqual([
			{ code: 'timeline-invalid', severity: 'warning', ...at(source, 'after the freeze') },
		]);
		expect(specs).toHaveLength(1);
	});

	it('a near-miss label is an error even in a Draft', () => {
		const source = edit(buildSpec({ status: 'Draft' }), '**Non-Goals**', '**Non Goal**');
		expect(run({ [FILE]: source }).diagnostics.map(({ code, severity, line }) => ({ code, severity, line }))).toEqual([
			{ code: 'label-typo', severity: 'error', line: lineOf(source, '**Non Goal**') },
		]);
	});

	it('In Review missing a field is an error at the section heading; missing a subsection, at its parent heading', () => {
		const source = buildSpec({ values: { Thresholds: null }, omitSections: ['Technical Details'] });
		expect(run({ [FILE]: source }).diagnostics.map(({ code, severity, line }) => ({ code, severity, line }))).toEqual([
			{ code: 'missing-section', severity: 'error', line: lineOf(source, '## Architecture') },
			{ code: 'missing-field', severity: 'error', line: lineOf(source, '### Alerts') },
		]);
	});

	it('In Review with a phase missing its Timeline: error at the phase heading', () => {
		const source = edit(spec, '- **Timeline**: 3 weeks\n', '');
		expect(run({ [FILE]: source }).diagnostics.map(({ code, line }) => ({ code, line }))).toEqual([{ code: 'missing-field', line: lineOf(source, '### Phase 2') }]);
	});

	it('Approved with TBD is an error at the Timeline line; In Review with TBD is fine', () => {
		const tbd = (status: string) => buildSpec({ status, phases: [{ name: 'Foundations', tasks: ['Write it'], timeline: 'TBD' }] });
		expect(run({ [FILE]: tbd('In Review') }).diagnostics).toEqual([]);
		const approved = tbd('Approved');
		expect(run({ [FILE]: approved }).diagnostics.map(({ code, severity, line }) => ({ code, severity, line }))).toEqual([
			{ code: 'timeline-tbd', severity: 'error', line: lineOf(approved, '**Timeline**') },
		]);
	});

	it('a numbered or emoji template heading is read as that section, so what is wrong inside it is reported in the same run', () => {
		const source = edit(edit(spec, '## Overview', '## 1. Overview'), '**Last Updated**: 2026-11-20', '**Last Updated**: 2026-13-01');
		expect(run({ [FILE]: source }).diagnostics.map(({ code, line }) => ({ code, line }))).toEqual([
			{ code: 'section-decorated', line: lineOf(source, '## 1. Overview') },
			{ code: 'date-invalid', line: lineOf(source, '2026-13-01') },
		]);
	});

	it('reports all diagnostics of all files in one run, sorted by file and position', () => {
		const first = buildSpec({ feature: 'First', status: 'Approved', lastUpdated: '2026-13-40', phases: [{ name: 'A', tasks: ['x'], timeline: 'TBD' }] });
		const second = edit(buildSpec({ feature: 'Second', values: { Goals: '' } }), '## Monitoring', '## Monitorng');
		const third = '';
		const { diagnostics, specs } = run({ 'specs/b/second.md': second, 'specs/a/first.md': first, 'specs/c.md': third, 'specs/d.md': buildSpec({ feature: 'Fine' }) });
		expect(diagnostics.map(({ file, code, line }) => [file, code, line])).toEqual([
			['specs/a/first.md', 'date-invalid', lineOf(first, '2026-13-40')],
			['specs/a/first.md', 'timeline-tbd', lineOf(first, '**Timeline**')],
			['specs/b/second.md', 'empty-field', lineOf(second, '**Goals**')],
			['specs/b/second.md', 'section-typo', lineOf(second, '## Monitorng')],
			['specs/c.md', 'file-empty', 1],
		]);
		expect(specs.map((entry) => entry.id)).toEqual(['d']);
	});
});

describe('every error in one run, across files', () => {
	const codes = (files: Record<string, string>, options: Partial<AnalyzeOptions> = {}) =>
		run(files, options)
			.diagnostics.map((d) => `${d.file} ${d.code}`)
			.sort();

	it('a file with another error still gets its duplicate Feature and unknown supersedes', () => {
		const broken = edit(buildSpec({ feature: 'Alpha', frontmatter: { supersedes: ['nope'] } }), 'Status**: In Review', 'Status**: Bogus');
		expect(codes({ 'specs/a.md': buildSpec({ feature: 'Alpha' }), 'specs/x.md': broken })).toEqual([
			'specs/x.md feature-duplicate',
			'specs/x.md status-invalid',
			'specs/x.md supersedes-unknown',
		]);
	});

	it('a supersedes cycle through a file with another error is reported', () => {
		const a = edit(buildSpec({ feature: 'A', frontmatter: { supersedes: ['b'] } }), 'Status**: In Review', 'Status**: Bogus');
		const b = buildSpec({ feature: 'B', frontmatter: { supersedes: ['a'] } });
		expect(codes({ 'specs/a.md': a, 'specs/b.md': b }).filter((line) => line.endsWith('supersedes-cycle'))).toEqual(['specs/a.md supersedes-cycle', 'specs/b.md supersedes-cycle']);
	});

	it('two Features with findings of their own (empty, placeholders) are no duplicate of each other', () => {
		const placeholder = edit(buildSpec(), 'Feature**: Payment retry policy', 'Feature**: [Feature name]');
		expect(codes({ 'specs/a.md': placeholder, 'specs/b.md': placeholder }).filter((line) => line.includes('duplicate'))).toEqual([]);
	});

	it('of two files that clash, the one a check was asked about is told, even when it sorts first', () => {
		const files = { 'specs/anew.md': buildSpec({ feature: 'Alpha' }), 'specs/zold.md': buildSpec({ feature: 'Alpha' }) };
		expect(codes(files)).toEqual(['specs/zold.md feature-duplicate']);
		const focused = run(files, { focus: new Set(['specs/anew.md']) }).diagnostics;
		expect(focused.map((d) => `${d.file} ${d.code}`)).toEqual(['specs/anew.md feature-duplicate']);
		expect(focused[0]!.message).toContain('specs/zold.md');
	});
});

describe('every error in one run, behind a near miss', () => {
	const codes = (source: string) => run({ [FILE]: source }).diagnostics.map((d) => `${d.severity} ${d.code}`).sort();

	it('a misspelled Status holds the rest as the status it misspells, so its errors show now, not after the fix', () => {
		const approved = edit(buildSpec({ status: 'Approved', phases: [{ name: 'Foundations', tasks: ['Write it'], timeline: 'TBD' }] }), 'Goals notes', '[Technical goals]');
		const fixedFirst = codes(approved);
		expect(fixedFirst).toContain('error timeline-tbd');
		expect(codes(edit(approved, 'Status**: Approved', 'Status**: Aproved'))).toEqual(['error status-invalid', ...fixedFirst].sort());
	});

	it('a word two edits from a status (Unapproved) is no misspelling of it: the spec is held as no status is', () => {
		const draft = buildSpec({ status: 'Draft', phases: [{ name: 'Foundations', tasks: ['[Step 1]'], timeline: 'TBD' }] });
		expect(codes(edit(draft, 'Status**: Draft', 'Status**: Unapproved'))).toEqual(['error status-invalid']);
	});

	it('a misspelled section heading is read as the section it means: the label typos under it show in this run', () => {
		const typos = edit(buildSpec(), '**Goals**', '**Gaols**');
		expect(codes(edit(typos, '## Background', '## Backgroud'))).toEqual(['error label-typo', 'error section-typo']);
	});
});
