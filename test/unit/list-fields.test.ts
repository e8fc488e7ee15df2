/**
 * List-valued fields (Tasks, Dependencies) at their edges: empty items are not content.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSpecs } from '../../src/spec/index.ts';
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
