/**
 * `npm run check` analyses large folders in worker threads: the result must be exactly the
 * single-thread one, diagnostics included.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSpecs, writeSpecs } from '../../bench/generate.ts';
import { analyzeInThisThread, analyzePaths } from '../../src/cli/parallel.ts';
import { combineAnalyses, listSpecFiles } from '../../src/spec/index.ts';

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
		const parallel = combineAnalyses(await analyzePaths(paths, {}, options), options);
		const single = combineAnalyses(await analyzeInThisThread({ paths, read: {}, analyze: options }), options);
		expect(parallel.specs).toHaveLength(240);
		expect(parallel.diagnostics.some((d) => d.file.endsWith('broken.md') && d.code === 'status-invalid')).toBe(true);
		expect(parallel).toEqual(single);
	}, 120_000);
});
