/**
 * `check --fix` (src/core/fix.ts): each kind of fix on a spec broken in that one way, which comes
 * out as the valid spec it was made from, byte for byte; forms the contract accepts, and problems
 * with more than one reading, are left as written.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSpecs } from '../../src/core/index.ts';
import { fixSource } from '../../src/core/fix.ts';
import { buildSpec, edit, labelMarkup } from '../helpers/spec-builder.ts';

const FILE = 'specs/payments/retry.md';
const TODAY = '2026-11-26';
const valid = buildSpec();
const errors = (source: string) => analyzeSpecs([{ path: FILE, source }], { specsDir: 'specs', today: TODAY, fileExists: () => true }).diagnostics.filter((d) => d.severity === 'error');

/** The spec broken by `from` → `to`, fixed: it must come back as it was, reporting `code` once. */
function expectFixed(from: string, to: string, code: string, spec = valid) {
	const broken = edit(spec, from, to);
	expect(errors(broken).map((d) => d.code)).toContain(code);
	const fixed = fixSource(broken, FILE);
	expect(fixed.source).toBe(spec);
	expect(fixed.fixes.map((fix) => fix.code)).toEqual([code]);
	expect(errors(fixed.source)).toEqual([]);
	return fixed.fixes[0]!;
}

describe('check --fix: each safe fix', () => {
	it('a near-miss label, with where it is and what it was', () => {
		const fix = expectFixed('**Problem Statement**', '**Problem Statment**', 'label-typo');
		const line = valid.split('\n').findIndex((text) => text.includes('Problem Statement')) + 1;
		expect(fix).toEqual({ line, column: 5, code: 'label-typo', from: 'Problem Statment', to: 'Problem Statement' });
	});

	it('a near-miss label in every label spelling', () => {
		for (const style of ['outside', 'inside', 'underscore', 'underscore-inside'] as const) {
			const spec = buildSpec({ style: { label: style } });
			expectFixed(labelMarkup('Data Flow', style), labelMarkup('Data Flwo', style), 'label-typo', spec);
		}
	});

	it('a near-miss section heading, H2 and H3', () => {
		expectFixed('## Background', '## Backround', 'section-typo');
		expectFixed('### Integration Testing', '### Integation Testing', 'section-typo');
	});

	it('numbered and emoji template headings', () => {
		expect(expectFixed('## Overview', '## 1. Overview', 'section-decorated')).toMatchObject({ from: '1. Overview', to: 'Overview' });
		expectFixed('### System Design', '### 3.1 System Design', 'section-decorated');
		expectFixed('## Monitoring', '## 📈 Monitoring', 'section-decorated');
		expectFixed('## Deployment', '## 🚀 Deployment ✅', 'section-decorated');
		expectFixed('## Testing Strategy', '## 5) Testing Strategy', 'section-decorated');
	});

	it('a near-miss status', () => {
		expectFixed('- **Status**: In Review', '- **Status**: In Reveiw', 'status-invalid');
		const approved = buildSpec({ status: 'Approved' });
		expectFixed('- **Status**: Approved', '- **Status**: Aproved', 'status-invalid', approved);
		// check says what --fix will write.
		const [finding] = errors(edit(approved, '- **Status**: Approved', '- **Status**: Aproved'));
		expect(finding?.message).toBe('Status "Aproved" is not one of Draft, In Review, Approved: did you mean "Approved"?');
	});

	it('Last Updated in a form that names one day', () => {
		for (const written of ['20 November 2026', '2026/11/20', 'Nov 20, 2026', '20th Nov 2026', 'Friday, 20 November 2026', '20/11/2026', '11/20/2026', '2026.11.20', '2026-11-20T09:30:00Z']) {
			expect(expectFixed('2026-11-20', written, 'date-invalid')).toMatchObject({ from: written, to: '2026-11-20' });
		}
	});

	it('timeline dates in a form that names one day', () => {
		const spec = buildSpec({ phases: [{ name: 'Foundations', timeline: '2027-01-04 → 2027-02-12' }] });
		expectFixed('2027-01-04 → 2027-02-12', '2027/01/04 → 12 Feb 2027', 'timeline-invalid', spec);
	});

	it('phase headings renumbered in order, and the phases their dependencies name keep their numbers', () => {
		const phases = [
			{ name: 'Schema', timeline: '2 weeks' },
			{ name: 'Worker', timeline: '3 weeks', dependencies: ['Phase 1 deployed'] },
			{ name: 'Rollout', timeline: '1 week' },
		];
		const spec = buildSpec({ phases });
		const broken = buildSpec({ phases: phases.map((phase, index) => ({ ...phase, number: [1, 3, 4][index]! })) });
		const fixed = fixSource(broken, FILE);
		expect(fixed.source).toBe(spec);
		expect(fixed.fixes.map(({ from, to }) => `${from} → ${to}`)).toEqual(['Phase 3 → Phase 2', 'Phase 4 → Phase 3']);
		// Numbered from 0: "Phase 1" in a dependency would then name another phase.
		const shifted = buildSpec({ phases: phases.map((phase, index) => ({ ...phase, number: index })) });
		expect(fixSource(shifted, FILE).fixes).toEqual([]);
	});

	it('fixes that need another: a label inside a section whose heading was numbered', () => {
		const broken = edit(edit(valid, '## Background', '## 2. Background'), '**Goals**', '**Goasl**');
		const fixed = fixSource(broken, FILE);
		expect(fixed.source).toBe(valid);
		expect(fixed.fixes.map((fix) => fix.code)).toEqual(['section-decorated', 'label-typo']);
		expect(fixSource(fixed.source, FILE).fixes).toEqual([]);
	});

	it('keeps CRLF line ends, the BOM and the frontmatter byte for byte', () => {
		const spec = buildSpec({ frontmatter: 'tags: [payments]   # kept as written\nsupersedes: []', style: { eol: '\r\n', bom: true } });
		const broken = edit(edit(spec, '## Overview', '## 1. Overview'), '2026-11-20', '20 Nov 2026');
		expect(fixSource(broken, FILE).source).toBe(spec);
	});
});

describe('check --fix: what it leaves alone', () => {
	it('forms the contract accepts: label spellings, Authors, heading case, status case, setext headings', () => {
		const accepted = [
			buildSpec({ style: { label: 'inside', headingCase: 'upper', bullet: '*' }, authorsLabel: 'Authors', status: 'in review' }),
			buildSpec({ style: { label: 'underscore', headingCase: 'lower', closingHashes: true, setext: true }, authorsLabel: 'Author', status: 'APPROVED' }),
			// Extra sections keep their numbers and emoji: only template headings are the template's.
			buildSpec({ extraSections: [{ title: '9. Alternatives Considered 🤔', body: 'A queue, written 2026/11/20.' }] }),
		];
		for (const spec of accepted) expect(fixSource(spec, FILE)).toEqual({ source: spec, fixes: [] });
	});

	it('near misses with more than one reading, or whose name is already there', () => {
		const both = edit(valid, '- **Goals**', '- **Goasl**: Again.\n- **Goals**');
		expect(fixSource(both, FILE).fixes).toEqual([]);
		const twice = edit(edit(valid, '**Goals**', '**Goasl**'), '**Non-Goals**', '**Gaols**');
		expect(fixSource(twice, FILE).fixes).toEqual([]);
		const numberedTwice = edit(valid, '## Background', '## Background\n\n## 2. Background');
		expect(fixSource(numberedTwice, FILE).fixes).toEqual([]);
		// Beside the real section, a numbered one is an extra section, as any other.
		expect(errors(numberedTwice).map((d) => d.code)).not.toContain('section-decorated');
	});

	it('dates that do not name one day, or not one real day', () => {
		for (const written of ['05/06/2026', 'November 2026', '31 Feb 2026', 'last week', 'Q4 2026']) {
			const broken = edit(valid, '2026-11-20', written);
			expect(fixSource(broken, FILE).source).toBe(broken);
		}
	});

	it('statuses no template status is near, and a heading with markup inside', () => {
		const unknown = edit(valid, '- **Status**: In Review', '- **Status**: Implemented');
		expect(fixSource(unknown, FILE).fixes).toEqual([]);
		const marked = edit(valid, '## Background', '## 2. *Background*');
		expect(fixSource(marked, FILE).fixes).toEqual([]);
	});
});
