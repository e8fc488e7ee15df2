/**
 * "All of them in one run": a spec with k independent defects, injected in different sections and
 * phases, reports all k the first time it is checked, in every status where they are errors or
 * warnings, and nothing else. A rule that only runs once the others pass (zod skips a refinement
 * whose values had issues) fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFile, type Severity, type Status } from '../../src/core/index.ts';
import { buildSpec, edit, type PhaseOptions, type SpecOptions } from '../helpers/spec-builder.ts';

const TODAY = '2026-11-26';

/** What a defect is in each status: an error, a warning, or allowed (not reported). */
type Expectation = Record<Status, Severity | null>;
const ALWAYS_ERROR: Expectation = { Draft: 'error', 'In Review': 'error', Approved: 'error' };
const ALWAYS_WARNING: Expectation = { Draft: 'warning', 'In Review': 'warning', Approved: 'warning' };
/** Missing or placeholder content outside Overview: allowed in a Draft. */
const ABSENT_IN_BODY: Expectation = { Draft: null, 'In Review': 'error', Approved: 'error' };
/** Malformed content outside Overview: a warning in a Draft. */
const MALFORMED_IN_BODY: Expectation = { Draft: 'warning', 'In Review': 'error', Approved: 'error' };

interface Defect {
	name: string;
	code: string;
	expect: Expectation;
	/** Changes the options the spec is built from (each defect touches its own part). */
	options?: (options: SpecOptions & { phases: PhaseOptions[] }) => void;
	/** Changes the written Markdown (for what the builder has no knob for). */
	source?: (markdown: string) => string;
}

const DEFECTS: Defect[] = [
	{ name: 'phases numbered 1, 2, 4', code: 'phase-numbering', expect: MALFORMED_IN_BODY, options: (o) => void (o.phases[2]!.number = 4) },
	{ name: 'phase 1 leaves out Dependencies', code: 'missing-field', expect: ABSENT_IN_BODY, options: (o) => void (o.phases[0]!.dependencies = null) },
	{ name: 'phase 2 has an unreadable timeline', code: 'timeline-invalid', expect: MALFORMED_IN_BODY, options: (o) => void (o.phases[1]!.timeline = 'when it is ready') },
	{ name: 'phase 3 lists no tasks (None)', code: 'tasks-empty', expect: ABSENT_IN_BODY, source: (m) => edit(m, '  1. Measure the retries', '  - None') },
	{ name: 'Goals still holds its placeholder', code: 'placeholder', expect: ABSENT_IN_BODY, options: (o) => void (o.values!['Goals'] = '[Technical goals]') },
	{ name: 'Monitoring is missing', code: 'missing-section', expect: ABSENT_IN_BODY, options: (o) => void o.omitSections!.push('Monitoring') },
	{ name: 'Rollout Plan has no steps', code: 'rollout-empty', expect: ABSENT_IN_BODY, options: (o) => void (o.rollout = []) },
	{ name: 'Security is written twice', code: 'duplicate-field', expect: MALFORMED_IN_BODY, source: (m) => edit(m, '- **Database**: None', '- **Database**: None\n- **Security**: Again') },
	{ name: 'a near-miss label in Background', code: 'label-typo', expect: ALWAYS_ERROR, source: (m) => edit(m, '**Problem Statement**', '**Problem Statment**') },
	{ name: 'Last Updated is not a real date', code: 'date-invalid', expect: ALWAYS_ERROR, options: (o) => void (o.lastUpdated = '2026-02-30') },
	{ name: 'Feature is over the limit', code: 'feature-too-long', expect: ALWAYS_ERROR, options: (o) => void (o.feature = `Retry policy ${'x'.repeat(120)}`) },
	{ name: 'a link to a heading that does not exist', code: 'link-anchor', expect: ALWAYS_WARNING, options: (o) => void o.extraSections!.push({ title: 'Notes', body: 'See [the plan](#no-such-heading).' }) },
	{ name: 'phase 1 is not estimated', code: 'timeline-tbd', expect: { Draft: null, 'In Review': null, Approved: 'error' }, options: (o) => void (o.phases[0]!.timeline = 'TBD') },
];

function build(status: Status, defects: readonly Defect[]): string {
	const options = {
		status,
		lastUpdated: '2026-11-20',
		values: { 'Problem Statement': 'Retries are unbounded.', Database: 'None' } as Record<string, string | null>,
		omitSections: [] as string[],
		extraSections: [] as { title: string; body: string }[],
		phases: [
			{ name: 'Foundations', tasks: ['Add the retry table'], dependencies: ['Ledger v3'], timeline: '2027-01-04 → 2027-02-12' },
			{ name: 'Planner', tasks: ['Write the planner'], dependencies: [], timeline: '3 weeks' },
			{ name: 'Rollout', tasks: ['Measure the retries'], dependencies: [], timeline: '2 weeks' },
		] as PhaseOptions[],
	};
	for (const defect of defects) defect.options?.(options);
	let source = buildSpec(options);
	for (const defect of defects) if (defect.source) source = defect.source(source);
	return source;
}

const found = (status: Status, defects: readonly Defect[]) =>
	analyzeFile({ path: 'specs/x.md', source: build(status, defects) }, { specsDir: 'specs', today: TODAY, fileExists: () => false })
		.diagnostics.map(({ code, severity }) => `${severity} ${code}`)
		.sort();

const expected = (status: Status, defects: readonly Defect[]) =>
	defects.flatMap((defect) => (defect.expect[status] ? [`${defect.expect[status]} ${defect.code}`] : [])).sort();

describe('every defect in one run', () => {
	it.each(['Draft', 'In Review', 'Approved'] as const)('the defect-free spec reports nothing (%s)', (status) => {
		expect(found(status, [])).toEqual([]);
	});

	it.each(DEFECTS.map((defect) => [defect.name, defect] as const))('%s, alone', (_name, defect) => {
		for (const status of ['Draft', 'In Review', 'Approved'] as const) expect(found(status, [defect]), status).toEqual(expected(status, [defect]));
	});

	it('a Draft whose phases leave out Dependencies still hears that they are misnumbered', () => {
		const defects = DEFECTS.filter((defect) => defect.code === 'phase-numbering' || defect.code === 'missing-field');
		expect(found('Draft', defects)).toEqual(['warning phase-numbering']);
		expect(found('In Review', defects)).toEqual(['error missing-field', 'error phase-numbering']);
	});

	it('any k of them, in any status, are all reported the first time', () => {
		fc.assert(
			fc.property(fc.subarray(DEFECTS, { minLength: 2 }), fc.constantFrom<Status>('Draft', 'In Review', 'Approved'), (defects, status) => {
				expect(found(status, defects)).toEqual(expected(status, defects));
			}),
			{ numRuns: 200 }
		);
	});
});
