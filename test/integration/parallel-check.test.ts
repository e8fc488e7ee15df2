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
import { analyzeFiles, analyzeInThisThread, analyzePaths, analyzeWorkerShare } from '../../src/core/parallel.ts';
import { analyzeSpecs, combineAnalyses, listSpecFiles, readSpecFiles } from '../../src/core/index.ts';

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
		// And text of two, three and four UTF-8 bytes a character, first in the folder: workers find each
		// file's text in shared memory by byte offsets.
		const [first] = generateSpecs(1, { seed: 8, today: '2026-11-26' });
		writeFileSync(join(root, 'specs', '0-unicode.md'), first!.source.replace(/(\*\*Feature\*\*: ).*/u, '$1Zoë’s 李雷 checkout 🚀'));
		const paths = await listSpecFiles(dir, process.cwd());
		expect(paths.length).toBeGreaterThanOrEqual(242);

		const options = { specsDir: dir, today: '2026-11-26' };
		workers.started = 0;
		const analysed = await analyzePaths(paths, { cwd: process.cwd() }, options);
		expect(analysed.map(({ path }) => path)).toEqual(paths);
		const parallel = combineAnalyses(analysed, options);
		// 240-odd files make two threads when there are two cores: this one, and one worker.
		expect(workers.started).toBe(Math.min(availableParallelism(), 2) - 1);
		const single = combineAnalyses(await analyzeInThisThread({ paths, read: { cwd: process.cwd() }, analyze: options }), options);
		expect(parallel.specs).toHaveLength(241);
		expect(parallel.specs.map((spec) => spec.feature)).toContain('Zoë’s 李雷 checkout 🚀');
		expect(parallel.diagnostics.some((d) => d.file.endsWith('broken.md') && d.code === 'status-invalid')).toBe(true);
		expect(parallel).toEqual(single);
		// Files already read (the content loader's way) give the same too.
		const files = await readSpecFiles(dir, { cwd: process.cwd() });
		workers.started = 0;
		const fromFiles = await analyzeFiles(files, options);
		expect(workers.started).toBe(Math.min(availableParallelism(), 2) - 1);
		expect(fromFiles.map(({ path }) => path)).toEqual(files.map(({ path }) => path));
		expect(combineAnalyses(fromFiles, options)).toEqual(single);

		// And so does the loader's analysis of the whole folder: every spec stored as one thread sees it.
		const analysis = new SpecsAnalysis({ cwd: process.cwd(), specsDir: dir, today: '2026-11-26', mdx: true, maxFileBytes: 1_000_000 });
		await analysis.load();
		const expected = analyzeSpecs(files, options);
		expect(analysis.diagnostics).toEqual(expect.arrayContaining(expected.diagnostics));
		expect(analysis.diagnostics).toHaveLength(expected.diagnostics.length);
		for (const spec of expected.specs) expect(analysis.peek(join(process.cwd(), spec.path))).toMatchObject({ valid: true, id: spec.id, feature: spec.feature, phases: spec.phases });
		expect(analysis.peek(join(root, 'specs', 'broken.md'))).toMatchObject({ valid: false });
	}, 120_000);

	it('shares the files out through one counter: threads taking turns analyse each file exactly once', async () => {
		const root = mkdtempSync(join(tmpdir(), 'specbook-share-'));
		writeSpecs(join(root, 'specs'), generateSpecs(30, { seed: 3, today: '2026-11-26' }));
		const paths = await listSpecFiles(join(root, 'specs'), process.cwd());
		const data = { paths, read: { cwd: process.cwd() }, analyze: { specsDir: join(root, 'specs'), today: '2026-11-26' }, next: new Int32Array(new SharedArrayBuffer(4)) };
		// Two shares on one counter, as this thread and a worker run them; each waits on its reads, so they alternate.
		const [first, second] = await Promise.all([analyzeWorkerShare(data), analyzeWorkerShare(data)]);
		expect(first!.length).toBeGreaterThan(0);
		expect(second!.length).toBeGreaterThan(0);
		const indexes = [...first!, ...second!].map(([index]) => index).sort((a, b) => a - b);
		expect(indexes).toEqual(paths.map((_, index) => index));
		for (const [index, { path }] of [...first!, ...second!]) expect(path).toBe(paths[index]);
		// A counter already past the end leaves nothing to do.
		expect(await analyzeWorkerShare(data)).toEqual([]);
	});
});
