/**
 * The benchmark runs end to end on a small N and writes every figure. It times nothing: the
 * figures themselves are for `npm run bench`, not for the test suite.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../bench/report.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'specbook-bench-test-'));
/**
 * The environment of a shell: vitest puts `import.meta.env` (DEV=1, PROD, MODE…) into process.env,
 * and an Astro build that inherits them builds a site without search.
 */
const VITEST_VARIABLES = new Set(['NODE_ENV', 'TEST', 'DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL']);
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_VARIABLES.has(name) && !name.startsWith('VITEST')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run bench', () => {
	it('generates 20 valid specs, builds them and writes every metric', { timeout: 300_000 }, async () => {
		const out = join(scratch, 'results.json');
		const { stdout } = await promisify(execFile)(process.execPath, ['bench/run.ts', '--specs', '20', '--skip-baseline', '--out', out], {
			cwd: ROOT,
			env,
			maxBuffer: 64 * 2 ** 20,
		});
		expect(stdout).toContain('| target');
		const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;

		expect(results.runs).toHaveLength(1);
		const [run] = results.runs;
		expect(run!.specs).toBe(20);
		expect(run!.check).toMatchObject({ errors: 0 });
		expect(run!.check.wallMs).toBeGreaterThan(0);
		expect(run!.starlight).toBeNull();
		expect(run!.hugo).toBeNull();
		expect(run!.dev).toBeNull();

		const build = run!.specbook;
		for (const value of [build.wallMs, build.cpuMs, build.perSpecMs, build.distBytes, build.pagefindBytes]) expect(value).toBeGreaterThan(0);
		expect(build.peakRssMb).toBeGreaterThan(50);
		// Node's peak and Pagefind's, apart: each has its own target. At 20 specs Pagefind may live
		// less than one sampling interval; then its peak is unknown (null), never a made-up 0.
		expect(build.nodePeakRssMb).toBeGreaterThan(50);
		if (build.pagefindPeakRssMb !== null) expect(build.pagefindPeakRssMb).toBeGreaterThan(5);
		expect(build.peakRssMb).toBeGreaterThanOrEqual(Math.max(build.nodePeakRssMb!, build.pagefindPeakRssMb ?? 0));
		// The table of all specs alone lists 20 rows and a header.
		expect(build.heaviestPages!.mostRows.rows).toBeGreaterThanOrEqual(21);
		expect(build.heaviestPages!.largest.gzipBytes).toBeGreaterThan(1_000);
		expect(build.heaviestPages!.largest.gzipBytes).toBeLessThan(build.heaviestPages!.largest.bytes);
		expect(build.cpuMs).toBeLessThan(build.wallMs * 4);
		expect(build.largestSpecPage?.path).toMatch(/^specs\/team-\d{2}\/.+\/index\.html$/u);
		expect(build.largestSpecPage!.bytes).toBeGreaterThan(1_000);
		expect(Object.values(build.samplePageBytes)).toHaveLength(5);
		for (const bytes of Object.values(build.samplePageBytes)) expect(bytes).toBeGreaterThan(1_000);
		expect(build.phases.contentMs).toBeGreaterThan(0);
		expect(build.phases.renderMs).toBeGreaterThan(0);
		// Pagefind ran and both of its landmark lines were found.
		expect(build.phases.pagefindMs).toBeGreaterThan(0);
		expect(build.firstQuery?.requests).toBeGreaterThan(2);
		expect(build.firstQuery?.results).toBeGreaterThan(0);
		expect(build.firstQuery!.bytes).toBeGreaterThan(10_000);
		// Transfer sizes: text files gzipped as a static host would, so fewer bytes than decoded.
		expect(build.firstQuery!.decodedBytes).toBeGreaterThan(build.firstQuery!.bytes);
		expect(Object.keys(build.firstQuery!.byFile)).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/wasm.en.pagefind']));

		expect(results.targets.map((target) => target.name)).toHaveLength(14);
		expect(results.history).toBeNull();
		const target = (name: string) => results.targets.find((each) => each.name === name);
		expect(target('Most table rows, spec cards and timeline bars on one page')).toMatchObject({ measured: build.heaviestPages!.mostRows.rows, pass: true });
		// Ratios to a baseline this run did not build are not judged.
		expect(target("check time / Hugo's build without Pagefind")).toMatchObject({ measured: null, pass: null });
		expect(results.notes).toEqual(expect.arrayContaining(['plain Starlight baseline skipped', 'Hugo + Pagefind baseline skipped']));
	});

	it('--history alone builds generated specs from a git repository and reports the history step', { timeout: 300_000 }, async () => {
		const out = join(scratch, 'history.json');
		const { stdout } = await promisify(execFile)(process.execPath, ['bench/run.ts', '--history', '10', '--out', out], { cwd: ROOT, env, maxBuffer: 64 * 2 ** 20 });
		expect(stdout).toContain('git history: 10 specs × 20 commits');
		const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
		expect(results.runs).toEqual([]);
		expect(results.history).toMatchObject({ specs: 10, commitsPerSpec: 20, commits: 200, moves: 4 });
		expect(results.history!.statusChanges).toBeGreaterThan(0);
		const phases = results.history!.specbook.phases;
		expect(phases.historyMs).toBeGreaterThan(0);
		expect(phases.historyWaitedMs).toBeGreaterThanOrEqual(0);
		// The step's own CPU (git and parsing, measured apart) and the build's wait, each as a share.
		const { gitMs, parseMs } = results.history!.stepCpu;
		expect(gitMs).toBeGreaterThan(0);
		expect(parseMs).toBeGreaterThanOrEqual(0);
		const cpuShare = ((gitMs + parseMs) / results.history!.specbook.cpuMs) * 100;
		const waitShare = (phases.historyWaitedMs! / results.history!.specbook.wallMs) * 100;
		const target = results.targets.find((candidate) => candidate.name === 'Git history step / build (CPU share and wait share)')!;
		expect(target.measured).toBeCloseTo(Math.max(cpuShare, waitShare), 1);
		expect(target.pass).toBe(target.measured! <= 10);
		expect(target.detail).toContain('(git)');
		// The same specs built outside git, for comparison.
		expect(results.history!.withoutHistory.phases.historyMs).toBeNull();
		expect(results.history!.withoutHistory.wallMs).toBeGreaterThan(0);
	});

	it('refuses a count that is not a positive whole number', async () => {
		const error = await promisify(execFile)(process.execPath, ['bench/run.ts', '--specs', '10,abc'], { cwd: ROOT }).catch((failure: unknown) => failure);
		expect(error).toMatchObject({ code: 2 });
		expect((error as { stderr: string }).stderr).toContain('--specs takes positive whole numbers');
	});
});
