/**
 * `npm run lighthouse [-- --dist dist] [--runs 3] [--out bench/results/lighthouse.json] [--reports <folder>]`
 *
 * Builds the sample site (specs/) into a temporary folder, serves it as a static host would
 * (gzip; bench/measure.ts), and runs Lighthouse's mobile preset (its default: a mid-range phone,
 * simulated slow 4G and a 4× slower CPU) in Debian's Chromium on a spec page, `/`, `/timeline/` and
 * `/search/?q=retry`. Prints the four category scores per page with what each lost points on, and
 * writes them to bench/results/lighthouse.json. With several runs, each score is the median.
 * `--dist` audits an existing build instead of building.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { resolveChromium } from '../test/helpers/chromium.ts';
import { serveStatic } from './measure.ts';

const ROOT = resolve(import.meta.dirname, '..');
const USAGE = 'usage: npm run lighthouse -- [--dist <built site>] [--runs 1] [--out bench/results/lighthouse.json] [--reports <folder>]';

/** The pages issue 15 sets targets for, on the sample site. */
export const PAGES = ['/specs/payments/retry-policy/', '/', '/timeline/', '/search/?q=retry'] as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
/** The metrics the performance score is made of. */
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;
/** The flags every browser test here runs Chromium with. */
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

interface PageResult {
	page: string;
	/** Scores out of 100 (the median over the runs). */
	scores: Record<Category, number>;
	/** Each metric's value in its unit (ms, or unitless for layout shift), from the median run by performance. */
	metrics: Record<(typeof METRICS)[number], number>;
	/** Audits that lost points, by category: id and title. */
	lost: Partial<Record<Category, string[]>>;
}

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			dist: { type: 'string' },
			runs: { type: 'string', default: '1' },
			out: { type: 'string', default: join('bench', 'results', 'lighthouse.json') },
			/** A folder for Lighthouse's full JSON reports (every audit, the long tasks' scripts), one per page and run. */
			reports: { type: 'string' },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	const runs = Number(values.runs);
	if (!Number.isInteger(runs) || runs < 1) {
		console.error(`error: --runs takes a positive whole number\n${USAGE}`);
		return 2;
	}
	const built = values.dist ? null : mkdtempSync(join(tmpdir(), 'specbook-lighthouse-'));
	const dist = values.dist ? resolve(values.dist) : join(built as string, 'dist');
	if (built) {
		console.log(`building the sample site into ${dist}…`);
		// Children of vitest or of `npm run` may carry Vite's variables, which would change the build.
		const env = { ...process.env, BASE_URL: undefined, NODE_ENV: undefined, ASTRO_TELEMETRY_DISABLED: '1' };
		const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
		if (build.status !== 0) {
			console.error('error: the build failed');
			return 1;
		}
	}
	const server = await serveStatic(dist);
	const { executablePath } = await resolveChromium();
	const chrome = await chromeLauncher.launch({ chromePath: executablePath, chromeFlags: CHROME_FLAGS });
	const results: PageResult[] = [];
	try {
		for (const page of PAGES) {
			const reports = [];
			for (let run = 0; run < runs; run++) {
				const result = await lighthouse(server.url + page, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
				if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
				reports.push(result.lhr);
				if (values.reports) {
					mkdirSync(values.reports, { recursive: true });
					writeFileSync(join(values.reports, `${page.replace(/[^a-z0-9]+/giu, '-').replace(/^-|-$/gu, '') || 'home'}-${run + 1}.json`), result.report as string);
				}
			}
			results.push(summarise(page, reports));
			console.log(formatRow(results.at(-1) as PageResult));
		}
	} finally {
		await chrome.kill();
		await server.close();
		if (built) rmSync(built, { recursive: true, force: true });
	}
	const out = resolve(values.out);
	mkdirSync(dirname(out), { recursive: true });
	const version = createRequire(import.meta.url)('lighthouse/package.json').version as string;
	writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), lighthouse: version, chromium: chromiumVersion(executablePath), preset: 'mobile (default)', runs, pages: results }, null, '\t')}\n`);
	console.log(`\nwritten to ${out}`);
	return 0;
}

type Report = Awaited<ReturnType<typeof lighthouse>> extends infer R ? (R extends { lhr: infer L } ? L : never) : never;

/** Median scores over the runs, and the metrics and lost points of the run with the median performance. */
function summarise(page: string, reports: Report[]): PageResult {
	const score = (report: Report, category: Category) => Math.round((report.categories[category]?.score ?? 0) * 100);
	const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] as number;
	const scores = Object.fromEntries(CATEGORIES.map((category) => [category, median(reports.map((report) => score(report, category)))])) as Record<Category, number>;
	const byPerformance = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
	const typical = byPerformance[Math.floor(byPerformance.length / 2)] as Report;
	const metrics = Object.fromEntries(METRICS.map((id) => [id, Math.round((typical.audits[id]?.numericValue ?? 0) * 1000) / 1000])) as PageResult['metrics'];
	const lost: PageResult['lost'] = {};
	for (const category of CATEGORIES) {
		const audits = (typical.categories[category]?.auditRefs ?? [])
			.filter((ref) => ref.weight > 0)
			.map((ref) => typical.audits[ref.id])
			.filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual');
		if (audits.length > 0) lost[category] = audits.map((audit) => `${audit?.id}: ${audit?.title} (${Math.round((audit?.score ?? 0) * 100)})`);
	}
	return { page, scores, metrics, lost };
}

function formatRow(result: PageResult): string {
	const scores = CATEGORIES.map((category) => `${category} ${result.scores[category]}`).join(' · ');
	const metrics = `FCP ${ms(result.metrics['first-contentful-paint'])}, LCP ${ms(result.metrics['largest-contentful-paint'])}, TBT ${ms(result.metrics['total-blocking-time'])}, CLS ${result.metrics['cumulative-layout-shift'].toFixed(3)}`;
	const lost = Object.values(result.lost)
		.flat()
		.map((line) => `\n    lost: ${line}`)
		.join('');
	return `${result.page}\n  ${scores}\n  ${metrics}${lost}`;
}

const ms = (value: number) => `${Math.round(value)} ms`;

function chromiumVersion(executablePath: string): string {
	return spawnSync(executablePath, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

process.exitCode = await main();
