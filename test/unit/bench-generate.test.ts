import { describe, expect, it } from 'vitest';
import { generateSpecs, GENERATED_STATUSES, TIMELINE_FORMS, type TimelineForm } from '../../bench/generate.ts';
import { analyzeSpecs, parseTimeline } from '../../src/core/index.ts';

const TODAY = '2026-11-26';

/** How each form is spelled, so a form the generator claims to use is really the one written. */
const SPELLINGS: Record<TimelineForm, RegExp> = {
	'range →': /^\d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}$/u,
	'range ->': /^\d{4}-\d{2}-\d{2} -> \d{4}-\d{2}-\d{2}$/u,
	'range –': /^\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/u,
	'range to': /^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/u,
	'range ..': /^\d{4}-\d{2}-\d{2} \.\. \d{4}-\d{2}-\d{2}$/u,
	'quarter Q1 2027': /^Q[1-4] \d{4}$/u,
	'quarter 2027-Q1': /^\d{4}-Q[1-4]$/u,
	'quarter range': /^Q[1-4](?:–Q[1-4] \d{4}| \d{4} – Q[1-4] \d{4})$/u,
	'month 2027-03': /^\d{4}-\d{2}$/u,
	'month March 2027': /^(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/u,
	'month Mar 2027': /^[A-Z][a-z]{2} \d{4}$/u,
	'month range': /^[A-Z][a-z]{2}(?: \d{4} – |–)[A-Z][a-z]{2} \d{4}$/u,
	'duration weeks': /^\d+ weeks$/u,
	'duration days': /^\d+ days$/u,
	'duration range': /^\d+-\d+ weeks$/u,
	'duration 1 week': /^1 week$/u,
	TBD: /^TBD$/u,
};

function analyze(count: number, seed = 1) {
	const generated = generateSpecs(count, { seed, today: TODAY });
	const files = generated.map((spec) => ({ path: `specs/${spec.path}`, source: spec.source }));
	return { generated, ...analyzeSpecs(files, { specsDir: 'specs', today: TODAY }) };
}

describe('bench spec generator', () => {
	it('gives the same corpus for the same seed, another for another seed', () => {
		const first = generateSpecs(12, { seed: 42, today: TODAY });
		expect(generateSpecs(12, { seed: 42, today: TODAY })).toEqual(first);
		expect(generateSpecs(12, { seed: 43, today: TODAY }).map((spec) => spec.source)).not.toEqual(first.map((spec) => spec.source));
	});

	it('starts a larger corpus with the same specs, so page sizes compare across N', () => {
		expect(generateSpecs(40, { seed: 1, today: TODAY }).slice(0, 10)).toEqual(generateSpecs(10, { seed: 1, today: TODAY }));
	});

	it('writes specs that pass the checks with no error and no warning', () => {
		const { generated, specs, diagnostics } = analyze(120);
		expect(diagnostics).toEqual([]);
		expect(specs).toHaveLength(generated.length);
	});

	it('uses every timeline form and every status in 50 specs, each form spelled as claimed', () => {
		const { generated, specs } = analyze(50);
		const byPath = new Map(specs.map((spec) => [spec.path, spec]));
		const seen = new Set<TimelineForm>();
		for (const spec of generated) {
			const phases = byPath.get(`specs/${spec.path}`)!.phases;
			spec.timelineForms.forEach((form, index) => {
				expect(phases[index]!.timeline).toMatch(SPELLINGS[form]);
				expect(parseTimeline(phases[index]!.timeline).ok).toBe(true);
				seen.add(form);
			});
		}
		expect([...seen].sort()).toEqual([...TIMELINE_FORMS].sort());
		expect(new Set(generated.map((spec) => spec.status))).toEqual(new Set(GENERATED_STATUSES));
	});

	it('follows the status rules: TBD and missing sections only in Drafts', () => {
		const { generated } = analyze(200);
		for (const spec of generated.filter((candidate) => candidate.status !== 'Draft')) {
			expect(spec.timelineForms).not.toContain('TBD');
			for (const section of ['## Testing Strategy', '## Deployment', '## Monitoring', '## Documentation']) expect(spec.source).toContain(section);
		}
		const drafts = generated.filter((spec) => spec.status === 'Draft');
		expect(drafts.some((spec) => spec.timelineForms.includes('TBD'))).toBe(true);
		expect(drafts.some((spec) => !spec.source.includes('## Documentation'))).toBe(true);
	});

	it('spreads specs over nested folders, ~40 authors and unique features, about 1,500 words each', () => {
		const { generated, specs } = analyze(200);
		expect(generated.some((spec) => /^team-\d{2}\/area-\d\/[^/]+\.md$/u.test(spec.path))).toBe(true);
		expect(generated.some((spec) => /^team-\d{2}\/[^/]+\.md$/u.test(spec.path))).toBe(true);
		expect(new Set(specs.flatMap((spec) => spec.authors.map((author) => author.name))).size).toBe(40);
		expect(new Set(generated.map((spec) => spec.feature.toLowerCase())).size).toBe(generated.length);
		expect(specs.every((spec) => spec.lastUpdated <= TODAY)).toBe(true);
		const complete = generated.filter((spec) => spec.status !== 'Draft').map((spec) => spec.words);
		const average = complete.reduce((sum, words) => sum + words, 0) / complete.length;
		expect(average).toBeGreaterThan(1_300);
		expect(average).toBeLessThan(1_800);
	});
});
