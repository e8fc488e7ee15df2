/**
 * `npm run check` and the site's content loader analyse large folders in worker threads: the
 * result must be exactly the single-thread one, diagnostics included.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateSpecs, writeSpecs } from '../../bench/generate.ts';
import { SpecsAnalysis } from '../../src/content/analysis.ts';
import { analyzeFiles, analyzeInThisThread, analyzePaths, analyzeShare } from '../../src/spec/parallel.ts';
import { analyzeSpecs, combineAnalyses, listSpecFiles, readSpecFiles } from '../../src/spec/index.ts';

/** Worker threads started, counted by wrapping node:worker_threads' Worker. */
const workers = vi.hoisted(() => ({ started: 0 }));
vi.mock('node:worker_threads', async (importOriginal) => {
	const actual = await importOriginal<typeof import('node:worker_threads')>();
	class CountedWorker extends actual.Worker {
		constructor(...args: ConstructorParameters<typeof actual.Worker>) {
			super(...args);
			workers.started++;
		}
	}
	return { ...actual, Worker: CountedWorker };
});

describe('parallel analysis', () => {
	it('gives the same specs and diagnostics as one thread, for a folder large enough to use workers', async () => {
		const root = mkdtempSync(join(tmpdir(), 'specbook-parallel-'));
		const dir = relative(process.cwd(), join(root, 'specs'));
		writeSpecs(join(root, 'specs'), generateSpecs(240, { seed: 7, today: '2026-11-26' }));
		// One broken file, so diagnostics are compared too.
		writeFileSync(join(root, 'specs', 'broken.md'), '## Overview\n- **Feature**: Broken\n- **Status**: Almost\n');
		const paths = await listSpecFiles(dir);
		expect(paths.length).toBeGreaterThanOrEqual(241);

		const options = { specsDir: dir, today: '2026-11-26' };
		workers.started = 0;
		const parallel = combineAnalyses(await analyzePaths(paths, {}, options), options);
		// This thread takes part, so two cores start one worker.
		expect(workers.started).toBe(Math.min(availableParallelism(), 2) - 1);
		const single = combineAnalyses(await analyzeInThisThread({ paths, read: {}, analyze: options }), options);
		expect(parallel.specs).toHaveLength(240);
		expect(parallel.diagnostics.some((d) => d.file.endsWith('broken.md') && d.code === 'status-invalid')).toBe(true);
		expect(parallel).toEqual(single);
		// Files already read (the content loader's way) give the same too.
		const files = await readSpecFiles(dir);
		expect(combineAnalyses(await analyzeFiles(files, options), options)).toEqual(single);

		// And so does the loader's analysis of the whole folder: every spec stored as one thread sees it.
		const analysis = new SpecsAnalysis({ specsDir: dir, today: '2026-11-26' });
		await analysis.load();
		const expected = analyzeSpecs(files, { ...options, scheduleToday: '2026-11-26' });
		expect(analysis.diagnostics).toEqual(expect.arrayContaining(expected.diagnostics));
		expect(analysis.diagnostics).toHaveLength(expected.diagnostics.length);
		for (const spec of expected.specs) expect(analysis.peek(join(process.cwd(), spec.path))).toMatchObject({ valid: true, id: spec.id, feature: spec.feature, phases: spec.phases });
		expect(analysis.peek(join(root, 'specs', 'broken.md'))).toMatchObject({ valid: false });
	}, 120_000);

	it('shares the files out through one counter: threads taking turns analyse each file exactly once', async () => {
		const root = mkdtempSync(join(tmpdir(), 'specbook-share-'));
		writeSpecs(join(root, 'specs'), generateSpecs(30, { seed: 3, today: '2026-11-26' }));
		const paths = await listSpecFiles(join(root, 'specs'));
		const input = { paths, read: {}, analyze: { specsDir: join(root, 'specs'), today: '2026-11-26' } };
		const next = new Int32Array(new SharedArrayBuffer(4));
		// Two shares on one counter, as this thread and a worker run them; each waits on its reads, so they alternate.
		const [first, second] = await Promise.all([analyzeShare(input, next), analyzeShare(input, next)]);
		expect(first!.length).toBeGreaterThan(0);
		expect(second!.length).toBeGreaterThan(0);
		const indexes = [...first!, ...second!].map(([index]) => index).sort((a, b) => a - b);
		expect(indexes).toEqual(paths.map((_, index) => index));
		for (const [index, { path }] of [...first!, ...second!]) expect(path).toBe(paths[index]);
		// A counter already past the end leaves nothing to do.
		expect(await analyzeShare(input, next)).toEqual([]);
	});
});
