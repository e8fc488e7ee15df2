import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyzeSpecs, type SourceFile } from '../../src/core/index.ts';
import type { Diagnostic, Spec } from '../../src/core/model.ts';
import { phaseReferences, resolveSpecLink, scheduleDiagnostics } from '../../src/core/schedule.ts';

const TODAY = '2026-11-26';

interface PhaseSource {
	timeline: string;
	dependencies?: string[];
}

/** A Draft spec's Markdown with the given phases (Drafts need only the Overview to be complete). */
function markdown(feature: string, status: string, phases: PhaseSource[]): string {
	return [
		`# ${feature}`,
		'',
		'## Overview',
		`- **Feature**: ${feature}`,
		'- **Author(s)**: Ana Lima',
		'- **Last Updated**: 2026-11-20',
		`- **Status**: ${status}`,
		'',
		'## Implementation',
		...phases.flatMap((phase, index) => [
			`### Phase ${index + 1}: Step ${index + 1}`,
			'- **Tasks**:',
			'  - Do the work',
			...(phase.dependencies ? ['- **Dependencies**:', ...phase.dependencies.map((dependency) => `  - ${dependency}`)] : ['- **Dependencies**: None']),
			`- **Timeline**: ${phase.timeline}`,
			'',
		]),
	].join('\n');
}

/** Parses the files as the CLI would and runs the schedule checks over the valid specs. */
function check(files: SourceFile[], today = TODAY): { specs: Spec[]; diagnostics: Diagnostic[] } {
	const { specs, diagnostics } = analyzeSpecs(files, { specsDir: 'specs', today: '2026-11-26' });
	expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
	return { specs, diagnostics: scheduleDiagnostics(specs, { today }) };
}

/** 1-based line of the first line containing `text`. */
function lineOf(source: string, text: string): number {
	const index = source.split('\n').findIndex((line) => line.includes(text));
	if (index < 0) throw new Error(`${text} not in source`);
	return index + 1;
}

const located = (diagnostics: Diagnostic[]) => diagnostics.map(({ file, line, code, severity }) => ({ file, line, code, severity }));

describe('schedule-phase-order', () => {
	const source = markdown('Ordering', 'Draft', [
		{ timeline: '2027-01-04 → 2027-01-29' },
		{ timeline: '2027-01-25 → 2027-02-26', dependencies: ['Phase 1 deployed to staging'] },
		{ timeline: '2027-02-26 → 2027-03-12', dependencies: ['phase 2 sign-off', 'Security review'] },
		// Depends on phase 1, which ended long before: fine.
		{ timeline: 'Apr 2027', dependencies: ['Phases 1 and 3 in production'] },
	]);

	it('warns at the Timeline of a phase that starts on or before an earlier phase it depends on ends', () => {
		const { diagnostics } = check([{ path: 'specs/ordering.md', source }]);
		expect(located(diagnostics)).toEqual([
			{ file: 'specs/ordering.md', line: lineOf(source, '2027-01-25 → 2027-02-26'), code: 'schedule-phase-order', severity: 'warning' },
			{ file: 'specs/ordering.md', line: lineOf(source, '2027-02-26 → 2027-03-12'), code: 'schedule-phase-order', severity: 'warning' },
		]);
		expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
			'Phase 2 starts on 2027-01-25, but Phase 1, which it depends on, ends on 2027-01-29.',
			// Starting on the very day the dependency ends is still too early.
			'Phase 3 starts on 2027-02-26, but Phase 2, which it depends on, ends on 2027-02-26.',
		]);
		expect(diagnostics[0]?.column).toBe(17);
		expect(diagnostics[0]?.hint).toContain('/guide/diagnostics/#schedule-phase-order');
	});

	it('is quiet when each phase starts after the one it depends on (chained durations included)', () => {
		const quiet = markdown('Ordered', 'Draft', [
			{ timeline: '2027-01-04 → 2027-01-29' },
			{ timeline: '2 weeks', dependencies: ['Phase 1 done'] },
			{ timeline: 'TBD', dependencies: ['Phase 2 done'] },
			{ timeline: '2027-05-03 → 2027-05-28', dependencies: ['Phase 3 done'] },
		]);
		expect(check([{ path: 'specs/ordered.md', source: quiet }]).diagnostics).toEqual([]);
	});

	it('ignores a phase naming a later phase or itself', () => {
		const odd = markdown('Odd', 'Draft', [
			{ timeline: '2027-01-04 → 2027-01-29', dependencies: ['Phase 2 design agreed', 'Phase 1 budget'] },
			{ timeline: '2027-01-04 → 2027-01-29' },
		]);
		expect(check([{ path: 'specs/odd.md', source: odd }]).diagnostics).toEqual([]);
	});
});

describe('phaseReferences', () => {
	it.each<[string, number[]]>([
		['Phase 1 deployed with the flag off', [1]],
		['phase 2 comparison report', [2]],
		['Phases 1 and 2 complete', [1, 2]],
		['Phases 1, 2 & 3', [1, 2, 3]],
		['PHASE 3', [3]],
		['Two phases of the orders migration', []],
		['v2 API and 3 phases', []],
		['Phase one', []],
	])('%s → %j', (text, numbers) => {
		expect(phaseReferences(text)).toEqual(numbers);
	});
});

describe('schedule-cross-spec', () => {
	const ledger = markdown('Ledger keys', 'Draft', [{ timeline: '2026-12-01 → 2026-12-31' }, { timeline: 'Jan 2027' }]);
	const early = markdown('Refunds', 'Draft', [
		{ timeline: '2027-01-18 → 2027-02-26', dependencies: ['[Ledger keys](../ledger/keys.md) enforced'] },
		{ timeline: '2027-03-01 → 2027-03-31', dependencies: ['[Ledger keys](../ledger/keys.md#rollout-plan) live'] },
	]);

	it('warns at the Timeline of a phase that starts on or before the linked spec ends', () => {
		const files = [
			{ path: 'specs/ledger/keys.md', source: ledger },
			{ path: 'specs/payments/refunds.md', source: early },
		];
		const { diagnostics } = check(files);
		expect(located(diagnostics)).toEqual([
			{ file: 'specs/payments/refunds.md', line: lineOf(early, '2027-01-18 → 2027-02-26'), code: 'schedule-cross-spec', severity: 'warning' },
		]);
		expect(diagnostics[0]?.message).toBe(
			'Phase 1 starts on 2027-01-18, but it depends on "Ledger keys" (ledger/keys), whose last phase ends on 2027-01-31.',
		);
	});

	it('counts the latest known end even when the last phase is TBD', () => {
		const files = [
			{ path: 'specs/ledger/keys.md', source: markdown('Ledger keys', 'Draft', [{ timeline: 'Feb 2027' }, { timeline: 'TBD' }]) },
			{ path: 'specs/payments/refunds.md', source: early },
		];
		expect(check(files).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['schedule-cross-spec']);
	});

	it('is quiet when the linked spec ends first, has no dates, or the link is not a spec', () => {
		const later = markdown('Refunds', 'Draft', [
			{ timeline: 'Feb 2027', dependencies: ['[Ledger keys](../ledger/keys.md)', '[RFC](https://example.com/ledger.md)'] },
		]);
		expect(
			check([
				{ path: 'specs/ledger/keys.md', source: markdown('Ledger keys', 'Draft', [{ timeline: 'Jan 2027' }]) },
				{ path: 'specs/payments/refunds.md', source: later },
			]).diagnostics,
		).toEqual([]);
		expect(
			check([
				{ path: 'specs/ledger/keys.md', source: markdown('Ledger keys', 'Draft', [{ timeline: 'TBD' }]) },
				{ path: 'specs/payments/refunds.md', source: later },
			]).diagnostics,
		).toEqual([]);
	});
});

describe('resolveSpecLink', () => {
	const target = { id: 'ledger/idempotency', path: 'specs/ledger/idempotency.mdx' } as Spec;
	const byPath = new Map([['specs/ledger/idempotency', target]]);

	it.each([
		'../ledger/idempotency.md',
		'../ledger/idempotency.mdx',
		'../ledger/Idempotency.MD',
		'./../ledger/idempotency.md#phase-2',
		'../ledger/idempotency',
		'../ledger/%69dempotency.md',
	])('%s resolves from specs/payments/refunds.md', (link) => {
		expect(resolveSpecLink('specs/payments/refunds.md', link, byPath)).toBe(target);
	});

	it.each(['https://example.com/ledger/idempotency.md', '/specs/ledger/idempotency/', 'idempotency.md', '#overview', '../ledger/%E0.md'])(
		'%s does not',
		(link) => {
			expect(resolveSpecLink('specs/payments/refunds.md', link, byPath)).toBeUndefined();
		},
	);

	it('resolves from the top of the specs folder and from deeper folders', () => {
		expect(resolveSpecLink('specs/overview.md', 'ledger/idempotency.md', byPath)).toBe(target);
		expect(resolveSpecLink('specs/a/b/c.md', '../../ledger/idempotency.md', byPath)).toBe(target);
	});
});

describe('schedule-started', () => {
	it('warns when a Draft spec’s first phase started on or before today', () => {
		const source = markdown('Started', 'Draft', [{ timeline: '2026-11-26 → 2026-12-18' }, { timeline: 'Q1 2027' }]);
		const { diagnostics } = check([{ path: 'specs/started.md', source }]);
		expect(located(diagnostics)).toEqual([
			{ file: 'specs/started.md', line: lineOf(source, '2026-11-26 → 2026-12-18'), code: 'schedule-started', severity: 'warning' },
		]);
		expect(diagnostics[0]?.message).toBe('The spec is still Draft, but Phase 1 started on 2026-11-26 (today is 2026-11-26).');
		// The day before, nothing has started.
		expect(check([{ path: 'specs/started.md', source }], '2026-11-25').diagnostics).toEqual([]);
	});

	it('uses the first dated phase when phase 1 has no dates', () => {
		const source = markdown('Started late', 'Draft', [{ timeline: 'TBD' }, { timeline: 'Nov 2026' }]);
		const { diagnostics } = check([{ path: 'specs/late.md', source }]);
		expect(located(diagnostics)).toEqual([{ file: 'specs/late.md', line: lineOf(source, 'Nov 2026'), code: 'schedule-started', severity: 'warning' }]);
	});

	it('warns for In Review and not for Approved (the sample specs)', async () => {
		const files = await Promise.all(
			['specs/payments/retry-policy.md', 'specs/payments/retry-policy-v1.md', 'specs/identity/passkeys.mdx'].map(async (path) => ({ path, source: await readFile(path, 'utf-8') })),
		);
		// retry-policy (In Review) starts 2026-12-01; v1 and passkeys (Approved) started long ago.
		const { diagnostics } = check(files, '2026-12-05');
		expect(located(diagnostics)).toEqual([
			{
				file: 'specs/payments/retry-policy.md',
				line: lineOf(files[0]?.source ?? '', '**Timeline**: 2026-12-01'),
				code: 'schedule-started',
				severity: 'warning',
			},
		]);
		expect(diagnostics[0]?.message).toBe('The spec is still In Review, but Phase 1 started on 2026-12-01 (today is 2026-12-05).');
	});

	it('finds nothing in the sample specs today', async () => {
		const { readSpecFiles } = await import('../../src/core/index.ts');
		const { specs } = analyzeSpecs(await readSpecFiles('specs', { cwd: process.cwd() }), { specsDir: 'specs', today: TODAY });
		expect(scheduleDiagnostics(specs, { today: TODAY })).toEqual([]);
	});
});
