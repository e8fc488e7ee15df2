/**
 * Specs made by `npm run import` (frontmatter `imported`): what their source never had (sections,
 * fields, estimates, link targets) is a warning in every status; everything else keeps its rules.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSpecs } from '../../src/core/index.ts';
import { specLinksPlugin } from '../../src/integration/spec-links.ts';
import { toApiSpec } from '../../src/site/api.ts';
import { buildSpec, edit, lineOf } from '../helpers/spec-builder.ts';

const FILE = 'specs/payments/retry.md';
const IMPORTED = 'imported:\n  from: docs/design/retry.md\n  status: Implemented (Swift 5.0)';
const run = (source: string, exists: (path: string) => boolean = () => false) =>
	analyzeSpecs([{ path: FILE, source }], { specsDir: 'specs', today: '2026-12-01', fileExists: exists });
const found = (source: string) => run(source).diagnostics.map(({ code, severity, line }) => ({ code, severity, line }));

describe('an imported spec', () => {
	it('has its missing sections and fields as warnings, not errors, in every status', () => {
		for (const status of ['Draft', 'In Review', 'Approved']) {
			const source = buildSpec({ status, frontmatter: IMPORTED, omitSections: ['Monitoring', 'Deployment'], values: { Goals: null } });
			const { diagnostics, specs } = run(source);
			expect(diagnostics.filter((each) => each.severity === 'error'), status).toEqual([]);
			expect(diagnostics.map(({ code, line }) => ({ code, line })), status).toEqual(
				expect.arrayContaining([
					{ code: 'missing-field', line: lineOf(source, '## Background') },
					{ code: 'missing-section', line: lineOf(source, '## Documentation') },
				])
			);
			expect(specs[0]?.missingSections, status).toEqual(['Deployment', 'Monitoring']);
		}
	});

	it('without `imported` the same spec fails', () => {
		const source = buildSpec({ status: 'In Review', omitSections: ['Monitoring'] });
		expect(found(source)).toEqual([{ code: 'missing-section', severity: 'error', line: lineOf(source, '## Documentation') }]);
	});

	it('has a TBD Timeline as a warning in every status', () => {
		for (const status of ['Draft', 'In Review', 'Approved']) {
			const source = buildSpec({ status, frontmatter: IMPORTED, phases: [{ name: 'Foundations', tasks: ['Write it'], timeline: 'TBD' }] });
			expect(found(source), status).toEqual([{ code: 'timeline-tbd', severity: 'warning', line: lineOf(source, '**Timeline**') }]);
		}
	});

	it('keeps every other rule: a bad timeline, an invalid date, unsafe HTML, a near-miss label', () => {
		const source = edit(
			edit(buildSpec({ status: 'In Review', frontmatter: IMPORTED, lastUpdated: '2026-02-30', phases: [{ name: 'Foundations', tasks: ['Write it'], timeline: 'Week 13-14' }] }), '**Non-Goals**', '**Non Goal**'),
			'## Monitoring',
			'<script>alert(1)</script>\n\n## Monitoring'
		);
		expect(found(source).filter((each) => each.severity === 'error').map((each) => each.code).sort()).toEqual(['date-invalid', 'html-unsafe', 'label-typo', 'timeline-invalid']);
	});

	it('has a relative link to a missing file as a warning (link-broken), and to a missing spec too', () => {
		const source = edit(buildSpec({ status: 'In Review', frontmatter: IMPORTED }), '## Monitoring', 'See [the runbook](../../ops/runbook.md) and [code](./retry.go).\n\n## Monitoring');
		expect(found(source)).toEqual([
			{ code: 'link-broken', severity: 'warning', line: lineOf(source, 'the runbook') },
			{ code: 'link-broken', severity: 'warning', line: lineOf(source, 'the runbook') },
		]);
		const plain = source.replace(/^---\n[\s\S]*?\n---\n/u, '');
		expect(found(plain).map((each) => each.severity)).toEqual(['error', 'error']);
	});

	it('exposes `imported` in the Spec record and the JSON API; a spec without it has neither', () => {
		const [spec] = run(buildSpec({ status: 'In Review', frontmatter: IMPORTED })).specs;
		expect(spec?.imported).toEqual({ from: 'docs/design/retry.md', status: 'Implemented (Swift 5.0)' });
		expect(toApiSpec(spec!).imported).toEqual({ from: 'docs/design/retry.md', status: 'Implemented (Swift 5.0)' });
		const [plain] = run(buildSpec({ status: 'In Review' })).specs;
		expect('imported' in plain!).toBe(false);
		expect('imported' in toApiSpec(plain!)).toBe(false);
	});

	it('rejects an `imported` value that is not a mapping of from and status', () => {
		const source = buildSpec({ frontmatter: 'imported: docs/x.md' });
		expect(found(source)).toEqual([{ code: 'frontmatter-type', severity: 'error', line: 2 }]);
	});
});

describe('the page of an imported spec', () => {
	const plugin = specLinksPlugin({ specsDir: 'specs', base: '/', cwd: '/nowhere' });
	const replaced: unknown[] = [];
	const set: string[] = [];
	const ctx = { replaceNode: (_node: unknown, nodes: unknown) => replaced.push(nodes), setProperty: (_node: unknown, _key: string, value: string) => set.push(value) };
	const link = (url: string) => ({ type: 'link' as const, url, children: [{ type: 'text' as const, value: 'the runbook' }] });

	it('shows a link to a missing file as its text; other pages keep the link', () => {
		const imported = plugin({ fileURL: new URL('file:///nowhere/specs/retry.md'), data: { astro: { frontmatter: { imported: { from: "a.md", status: "" } } } } as never })!;
		imported.link!(link('../ops/runbook.md'), ctx as never);
		imported.link!(link('https://example.com/'), ctx as never);
		expect(replaced).toEqual([[{ type: 'text', value: 'the runbook' }]]);
		const written = plugin({ fileURL: new URL('file:///nowhere/specs/retry.md'), data: { astro: { frontmatter: {} } } as never })!;
		written.link!(link('../ops/runbook.md'), ctx as never);
		expect(replaced).toHaveLength(1);
	});
});
