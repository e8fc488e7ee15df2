/**
 * List-valued fields (Tasks, Dependencies) at their edges: empty items are not content.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSpecs, templateOutline } from '../../src/core/index.ts';
import { renderTemplate } from '../../src/core/scaffold.ts';
import { buildSpec, edit } from '../helpers/spec-builder.ts';

const FILE = 'specs/retry.md';
const analyze = (source: string) => analyzeSpecs([{ path: FILE, source }], { specsDir: 'specs', today: '2026-11-26' });

describe('list fields', () => {
	it('empty items beside real ones are dropped, the rest kept in order', () => {
		const source = edit(buildSpec(), '  2. Write the planner', '  2.\n  3. Write the planner');
		const { diagnostics, specs } = analyze(source);
		expect(diagnostics).toEqual([]);
		expect(specs[0]?.phases[0]?.tasks).toEqual(['Add the retry table', 'Write the planner']);
	});
});

describe('a Draft fresh from the template', () => {
	it('keeps the template placeholder phases, tasks and rollout steps out of its data', () => {
		const source = renderTemplate(templateOutline(), { Feature: 'Webhook signing keys', 'Author(s)': 'Ana Lima', 'Last Updated': '2026-11-20', Status: 'Draft' });
		const { diagnostics, specs } = analyze(source);
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(specs[0]).toMatchObject({ feature: 'Webhook signing keys', phases: [], rolloutPlan: [] });
	});

	it('keeps a real phase and drops only its placeholder items', () => {
		const source = renderTemplate(templateOutline(), { Feature: 'Webhook signing keys', 'Author(s)': 'Ana Lima', 'Last Updated': '2026-11-20', Status: 'Draft' }).replace(
			'### Phase 1: [Phase Name]',
			'### Phase 1: Key storage'
		);
		const { specs } = analyze(source);
		expect(specs[0]?.phases.map((phase) => [phase.number, phase.name, phase.tasks, phase.dependencies])).toEqual([[1, 'Key storage', [], []]]);
	});
});
