/**
 * `npm run bench -- --specs 1000,5000 --history 1000 [--out bench/results/latest.json] [--skip-baseline]`
 *
 * For each N: generate N valid specs in a temp folder, time `check` on them, build Specbook from
 * them cold, and in the same run the baselines (plain Starlight with the same files as docs pages;
 * Hugo + the Pagefind CLI when `hugo` is installed). With `--history N`: the same N specs in a
 * generated git repository (./history.ts), built once to time the git history step. Prints the
 * raw figures and the ratios the targets of issues 6 and 17 are about, and writes everything as JSON.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureDev } from './dev.ts';
import { generateSpecs, writeSpecs, type GeneratedSpec } from './generate.ts';
import { planHistory, writeHistoryRepo } from './history.ts';
import { historyLogArgs } from '../src/core/git.ts';
import { parseGitLog } from '../src/core/git-log.ts';
import { astroBuildPhases, dirBytes, fileBytes, heaviestPages, largestHtml, measureFirstQuery, timeProcess, type BuildPhases, type FirstQuery, type ProcessUsage } from './measure.ts';
import { evaluateTargets, formatReport, type BenchResults, type BuildResult, type CheckResult, type HistoryRun, type SpecsRun } from './report.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/.bin/pagefind');
const BASELINE_ROOT = join(ROOT, 'bench/baseline-starlight');
/** Where copies of the project are built (gitignored). */
const SNAPSHOTS = join(ROOT, '.bench');
/** What a copy of the project leaves out: outputs, caches, history, and what the build never reads. */
const NOT_SNAPSHOTTED = new Set(['node_modules', '.git', 'dist', 'dist-js', '.astro', '.bench', '.tmp', 'test', 'bench', 'specs']);
/** How many of the first generated specs are compared page by page across runs. */
const SAMPLE_PAGES = 5;
/** Commits per spec in the --history repository (issue 17: 20 each, over two years). */
const COMMITS_PER_SPEC = 20;
/** Times the history step's CPU is measured apart; the median is kept. */
const STEP_CPU_RUNS = 3;

const USAGE = 'usage: npm run bench -- [--specs 1000,5000] [--history 1000] [--out bench/results/latest.json] [--skip-baseline | --baselines starlight,hugo] [--starlight-up-to 1000] [--skip-search] [--dev 1000] [--seed 1] [--query ledger] [--keep] [--verbose]';

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			/** Default 1000,5000, or none when only --history is given. */
			specs: { type: 'string' },
			/** The N of the git history run; default 1000, or none when only --specs is given. */
			history: { type: 'string' },
			out: { type: 'string', default: join('bench', 'results', 'latest.json') },
			'skip-baseline': { type: 'boolean', default: false },
			/** Which baselines to build (default both); --skip-baseline builds none. */
			baselines: { type: 'string', default: 'starlight,hugo' },
			/** The largest N plain Starlight is built at (its target is at 1,000; 5,000 pages take it 5 to 10 minutes). */
			'starlight-up-to': { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
			'skip-search': { type: 'boolean', default: false },
			/** The N (among --specs) at which to also measure `astro dev`. */
			dev: { type: 'string', default: '' },
			seed: { type: 'string', default: '1' },
			query: { type: 'string', default: 'ledger' },
			keep: { type: 'boolean', default: false },
			verbose: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	const specsArgument = values.specs ?? (values.history === undefined ? '1000,5000' : '');
	const counts = specsArgument ? specsArgument.split(',').map((text) => Number(text.trim())) : [];
	if (counts.some((count) => !Number.isInteger(count) || count < 1)) {
		console.error(`error: --specs takes positive whole numbers separated by commas\n${USAGE}`);
		return 2;
	}
	const historyCount = Number(values.history ?? (values.specs === undefined ? '1000' : '0'));
	if (!Number.isInteger(historyCount) || historyCount < 0) {
		console.error(`error: --history takes a positive whole number\n${USAGE}`);
		return 2;
	}
	const seed = Number(values.seed);
	const notes: string[] = [];
	const baselines = new Set(values['skip-baseline'] ? [] : values.baselines.split(',').map((name) => name.trim()).filter(Boolean));
	const unknown = [...baselines].filter((name) => name !== 'starlight' && name !== 'hugo');
	if (unknown.length > 0) {
		console.error(`error: --baselines takes starlight and hugo, not ${unknown.join(', ')}\n${USAGE}`);
		return 2;
	}
	const starlightUpTo = Number(values['starlight-up-to']);
	if (!Number.isInteger(starlightUpTo) || starlightUpTo < 1) {
		console.error(`error: --starlight-up-to takes a positive whole number\n${USAGE}`);
		return 2;
	}
	const hugo = baselines.has('hugo') ? hugoVersion() : null;
	if (!baselines.has('starlight')) notes.push('plain Starlight baseline skipped');
	else if (counts.some((count) => count > starlightUpTo)) notes.push(`plain Starlight baseline built only up to ${starlightUpTo} specs (--starlight-up-to)`);
	if (!baselines.has('hugo')) notes.push('Hugo + Pagefind baseline skipped');
	else if (!hugo) notes.push('Hugo + Pagefind baseline skipped: hugo is not installed (Debian package `hugo`)');
	const search = !values['skip-search'];
	if (values['skip-search']) notes.push('first-query bytes skipped (--skip-search)');

	const runs: SpecsRun[] = [];
	const out = resolve(values.out);
	const results: BenchResults = {
		date: new Date().toISOString(),
		command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
		machine: {
			cpus: cpus().length,
			cpuModel: cpus()[0]?.model ?? 'unknown',
			memoryGb: Math.round(totalmem() / 2 ** 30),
			loadAverageAtStart: loadavg()[0]!,
			node: process.version,
			astro: packageVersion('astro'),
			starlight: packageVersion('@astrojs/starlight'),
			pagefind: packageVersion('pagefind'),
			hugo,
		},
		seed,
		query: values.query,
		runs,
		history: null,
		targets: [],
		notes,
	};
	for (const count of counts) {
		const run = await benchCount(count, {
			seed,
			query: values.query,
			starlight: baselines.has('starlight') && count <= starlightUpTo,
			hugo: hugo !== null,
			search,
			dev: values.dev.split(',').map(Number).includes(count),
			keep: values.keep,
			verbose: values.verbose,
			notes,
		});
		runs.push(run);
		// Written after every N, so a failure at a larger N keeps what was measured.
		results.targets = evaluateTargets(runs, null);
		mkdirSync(dirname(out), { recursive: true });
		writeFileSync(out, `${JSON.stringify(results, null, '\t')}\n`);
	}
	if (historyCount > 0) {
		results.history = await benchHistory(historyCount, { seed, verbose: values.verbose, keep: values.keep });
		results.targets = evaluateTargets(runs, results.history);
		mkdirSync(dirname(out), { recursive: true });
		writeFileSync(out, `${JSON.stringify(results, null, '\t')}\n`);
	}
	console.log(`\n${formatReport(results)}`);
	console.log(`\nWrote ${relative(process.cwd(), out) || out}`);
	return 0;
}

/**
 * A copy of the project (sources and config; node_modules found by walking up, as for the
 * baseline) that builds with its own `.astro/` folder. Astro keeps build chunks and, in dev, the
 * data store there: two builds of one checkout at once overwrite each other's.
 */
function snapshotProject(work: string): string {
	const project = join(SNAPSHOTS, basename(work), 'specbook');
	mkdirSync(join(project, 'bench'), { recursive: true });
	for (const name of readdirSync(ROOT)) {
		if (!NOT_SNAPSHOTTED.has(name)) cpSync(join(ROOT, name), join(project, name), { recursive: true });
	}
	cpSync(join(ROOT, 'bench/specbook.config.mjs'), join(project, 'bench/specbook.config.mjs'));
	return project;
}

interface CountOptions {
	seed: number;
	query: string;
	/** Build the plain Starlight baseline. */
	starlight: boolean;
	/** Build the Hugo + Pagefind baseline. */
	hugo: boolean;
	search: boolean;
	/** Also measure `astro dev`: first page served, time for an edit to show. */
	dev: boolean;
	keep: boolean;
	verbose: boolean;
	notes: string[];
}

async function benchCount(count: number, options: CountOptions): Promise<SpecsRun> {
	const work = mkdtempSync(join(tmpdir(), `specbook-bench-${count}-`));
	const project = snapshotProject(work);
	log(`\n== ${count} specs (in ${work})`);
	try {
		const today = localToday();
		const specs = generateSpecs(count, { seed: options.seed, today });
		const specsDir = join(work, 'specs');
		writeSpecs(specsDir, specs);
		const words = Math.round(specs.reduce((sum, spec) => sum + spec.words, 0) / specs.length);
		log(`generated ${count} specs, ${words} words each on average`);

		const check = await runCheck(project, specsDir, options);
		log(`check: ${(check.wallMs / 1000).toFixed(2)} s, ${check.errors} errors, ${check.warnings} warnings`);

		// The word must occur in the corpus, or the search shows no result to wait for.
		const query = specs.some((spec) => new RegExp(`\\b${options.query}\\b`, 'iu').test(spec.source)) ? options.query : specs[0]!.feature.split(' ')[0]!.toLowerCase();
		if (query !== options.query) options.notes.push(`"${options.query}" does not occur in the ${count} specs: searched for "${query}" instead`);
		const sample = specs.slice(0, SAMPLE_PAGES).map((spec) => spec.path.replace(/\.mdx?$/u, '').toLowerCase());
		const countOptions = { ...options, query };
		const specbook = await buildSpecbook(project, work, specsDir, specs, sample, countOptions);
		const starlight = options.starlight ? await buildStarlight(dirname(project), work, specs, sample, countOptions) : null;
		const hugo = options.hugo ? await buildHugo(work, specs, sample, countOptions) : null;
		let dev = null;
		if (options.dev) {
			log('measuring astro dev…');
			const first = specs[0]!;
			dev = await measureDev({ root: project, astro: ASTRO, specsDir, spec: { path: first.path, page: `/specs/${first.path.replace(/\.mdx?$/u, '').toLowerCase()}/` } });
		}
		return { specs: count, averageWords: words, query, check, specbook, starlight, hugo, dev };
	} finally {
		if (options.keep) log(`kept ${work} and ${dirname(project)}`);
		else {
			rmSync(work, { recursive: true, force: true });
			rmSync(dirname(project), { recursive: true, force: true });
		}
	}
}

/**
 * N generated specs in a git repository of COMMITS_PER_SPEC commits each (./history.ts), built
 * once (the build log tells how long it waited for the git history), the history step's own CPU
 * time measured apart, then the same files built outside git.
 */
async function benchHistory(count: number, options: { seed: number; verbose: boolean; keep: boolean }): Promise<HistoryRun> {
	const work = mkdtempSync(join(tmpdir(), `specbook-bench-history-${count}-`));
	const project = snapshotProject(work);
	log(`\n== git history: ${count} specs × ${COMMITS_PER_SPEC} commits (in ${work})`);
	try {
		const today = localToday();
		const specs = generateSpecs(count, { seed: options.seed, today });
		const lives = planHistory(specs, { commitsPerSpec: COMMITS_PER_SPEC, today, seed: options.seed });
		const started = performance.now();
		const repo = join(work, 'repo');
		mkdirSync(repo);
		const commits = await writeHistoryRepo(repo, 'specs', lives);
		const generateMs = Math.round(performance.now() - started);
		const moves = lives.reduce((sum, life) => sum + life.commits.filter((commit) => commit.movedFrom).length, 0);
		const statusChanges = lives.reduce((sum, life) => sum + life.history.length - 1, 0);
		log(`generated ${commits} commits (${moves} moves, ${statusChanges} status changes) in ${(generateMs / 1000).toFixed(1)} s`);
		const sample = specs.slice(0, SAMPLE_PAGES).map((spec) => spec.path.replace(/\.mdx?$/u, '').toLowerCase());
		const buildOptions: CountOptions = { seed: options.seed, query: '', starlight: false, hugo: false, search: false, dev: false, keep: options.keep, verbose: options.verbose, notes: [] };
		const specbook = await buildSpecbook(project, work, join(repo, 'specs'), specs, sample, buildOptions);
		if (specbook.phases.historyMs === null) throw new Error('the build did not report its git history step (no "git history read in" line)');
		const stepCpu = await historyStepCpu(join(repo, 'specs'));
		log(`history step: CPU ${stepCpu.gitMs} ms (git) + ${stepCpu.parseMs} ms (parsing) of the build's ${(specbook.cpuMs / 1000).toFixed(1)} s; the build waited ${specbook.phases.historyWaitedMs} ms of ${(specbook.wallMs / 1000).toFixed(1)} s`);
		// The same files outside any repository: what the build costs without the history.
		const plain = join(work, 'plain-specs');
		writeSpecs(plain, specs);
		const withoutHistory = await buildSpecbook(project, work, plain, specs, sample, buildOptions);
		return { specs: count, commitsPerSpec: COMMITS_PER_SPEC, commits, moves, statusChanges, generateMs, specbook, stepCpu, withoutHistory };
	} finally {
		if (options.keep) log(`kept ${work} and ${dirname(project)}`);
		else {
			rmSync(work, { recursive: true, force: true });
			rmSync(dirname(project), { recursive: true, force: true });
		}
	}
}

/**
 * The history step's own CPU time, ms: the `git log` the build runs (same arguments, same folder)
 * under timeProcess(), then reading and parsing its output in this process, as the build does.
 * Measured apart from the build, whose wall-clock view of the step (./measure.ts historyMs) also
 * counts the time git waited for a core held by the specs' analysis. Median of STEP_CPU_RUNS runs.
 */
async function historyStepCpu(specsDir: string): Promise<{ gitMs: number; parseMs: number }> {
	const git: number[] = [];
	const parse: number[] = [];
	const scratch = mkdtempSync(join(tmpdir(), 'specbook-bench-log-'));
	const output = join(scratch, 'log');
	try {
		for (let run = 0; run < STEP_CPU_RUNS; run++) {
			const usage = await timeProcess('git', historyLogArgs({ statuses: true }, output), { cwd: specsDir });
			if (usage.exitCode !== 0) throw new Error(`git log failed in ${specsDir} (exit ${usage.exitCode}):\n${tail(usage)}`);
			const before = process.cpuUsage();
			const files = parseGitLog(readFileSync(output, 'utf8'));
			const used = process.cpuUsage(before);
			if (files.size === 0) throw new Error(`git log in ${specsDir} gave no history`);
			git.push(usage.cpuMs);
			parse.push(Math.round((used.user + used.system) / 1000));
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	return { gitMs: median(git), parseMs: median(parse) };
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

/** `node src/cli/check.ts --dir … --format json`: must report no error, or the benchmark is void. */
async function runCheck(project: string, specsDir: string, options: CountOptions): Promise<CheckResult> {
	const usage = await timeProcess(process.execPath, ['src/cli/check.ts', '--dir', specsDir, '--format', 'json'], { cwd: project });
	const stdout = usage.lines.filter((line) => line.stream === 'stdout');
	let diagnostics: { severity: string; file: string; line: number; code: string; message: string }[];
	try {
		diagnostics = JSON.parse(stdout.map((line) => line.text).join('\n')).diagnostics;
	} catch {
		throw new Error(`check printed no JSON (exit ${usage.exitCode}):\n${tail(usage)}`);
	}
	const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
	if (errors.length > 0 || usage.exitCode !== 0) {
		const shown = errors.slice(0, 10).map((d) => `  ${d.file}:${d.line} ${d.code} ${d.message}`).join('\n');
		throw new Error(`the generated specs do not pass check (${errors.length} errors, exit ${usage.exitCode}):\n${shown}`);
	}
	if (options.verbose) log(tail(usage));
	return { wallMs: usage.wallMs, cpuMs: usage.cpuMs, peakRssMb: usage.peakRssMb, errors: errors.length, warnings: diagnostics.length - errors.length };
}

async function buildSpecbook(project: string, work: string, specsDir: string, specs: GeneratedSpec[], sample: string[], options: CountOptions): Promise<BuildResult> {
	const out = join(work, 'dist-specbook');
	const cache = join(work, 'cache-specbook');
	log('building Specbook…');
	const usage = await timeProcess(process.execPath, [ASTRO, 'build', '--config', 'bench/specbook.config.mjs', '--outDir', out], {
		cwd: project,
		env: { SPECS_DIR: specsDir, BENCH_CACHE_DIR: cache },
		echo: options.verbose ? log : undefined,
	});
	assertBuilt('Specbook', usage, out);
	const pages = specs.map((spec) => `specs/${spec.path.replace(/\.mdx?$/u, '').toLowerCase()}/index.html`);
	const result = await collect(usage, specs.length, out, pages, sample.map((id) => `specs/${id}/index.html`), astroBuildPhases(usage.lines), {
		...options,
		page: '/',
		ui: 'starlight',
	});
	rmSync(out, { recursive: true, force: true });
	rmSync(cache, { recursive: true, force: true });
	return result;
}

/**
 * Plain Starlight: a copy of bench/baseline-starlight with the same files as ordinary docs pages
 * (each given the `title` Starlight requires) in its src/content/docs, where docsLoader() reads.
 */
async function buildStarlight(snapshot: string, work: string, specs: GeneratedSpec[], sample: string[], options: CountOptions): Promise<BuildResult> {
	const root = join(snapshot, 'baseline-starlight');
	cpSync(BASELINE_ROOT, root, { recursive: true, filter: (path) => !/[/\\](?:\.astro|node_modules|dist)$/u.test(path) });
	const docs = join(root, 'src/content/docs');
	const out = join(work, 'dist-starlight');
	const cache = join(work, 'cache-starlight');
	for (const spec of specs) writeDoc(join(docs, spec.path), spec);
	writeFileSync(join(docs, 'index.md'), '---\ntitle: Plain Starlight baseline\n---\n\nThe benchmark specs as ordinary Starlight pages.\n');
	log('building plain Starlight…');
	try {
		// Run from the copy: Astro writes its build chunks under the working directory's .astro/.
		const usage = await timeProcess(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', out], {
			cwd: root,
			env: { BENCH_CACHE_DIR: cache },
			echo: options.verbose ? log : undefined,
		});
		assertBuilt('plain Starlight', usage, out);
		const pages = specs.map((spec) => `${spec.path.replace(/\.mdx?$/u, '').toLowerCase()}/index.html`);
		const result = await collect(usage, specs.length, out, pages, sample.map((id) => `${id}/index.html`), astroBuildPhases(usage.lines), {
			...options,
			page: '/',
			ui: 'starlight',
		});
		return result;
	} finally {
		rmSync(root, { recursive: true, force: true });
		rmSync(out, { recursive: true, force: true });
		rmSync(cache, { recursive: true, force: true });
	}
}

/** Hugo with two bare layouts (no theme), then the Pagefind CLI over its output. */
async function buildHugo(work: string, specs: GeneratedSpec[], sample: string[], options: CountOptions): Promise<BuildResult> {
	const site = join(work, 'hugo');
	const out = join(site, 'public');
	for (const spec of specs) writeDoc(join(site, 'content', spec.path), spec);
	writeHugoSite(site);
	log('building Hugo + Pagefind…');
	try {
		const hugo = await timeProcess('hugo', ['--source', site, '--destination', out, '--quiet'], { cwd: site, echo: options.verbose ? log : undefined });
		assertBuilt('Hugo', hugo, out);
		const pagefind = await timeProcess(PAGEFIND, ['--site', out], { cwd: site, echo: options.verbose ? log : undefined });
		assertBuilt('Pagefind', pagefind, join(out, 'pagefind'));
		const usage: ProcessUsage = {
			wallMs: hugo.wallMs + pagefind.wallMs,
			cpuMs: hugo.cpuMs + pagefind.cpuMs,
			peakRssMb: hugo.peakRssMb === null || pagefind.peakRssMb === null ? null : Math.max(hugo.peakRssMb, pagefind.peakRssMb),
			peakRssMbByCommand: hugo.peakRssMbByCommand && pagefind.peakRssMbByCommand ? { ...hugo.peakRssMbByCommand, ...pagefind.peakRssMbByCommand } : null,
			exitCode: 0,
			lines: [],
		};
		const pages = specs.map((spec) => `${spec.path.replace(/\.mdx?$/u, '').toLowerCase()}/index.html`);
		// Hugo's own build, without Pagefind, is its "render" phase: what `check` is held against.
		const phases: BuildPhases = { contentMs: null, bundleMs: null, renderMs: hugo.wallMs, pagefindMs: pagefind.wallMs, historyMs: null, historyWaitedMs: null };
		return await collect(usage, specs.length, out, pages, sample.map((id) => `${id}/index.html`), phases, { ...options, page: '/', ui: 'pagefind-ui' });
	} finally {
		rmSync(site, { recursive: true, force: true });
	}
}

/** The figures every build gets, read from its output folder. */
async function collect(
	usage: ProcessUsage,
	count: number,
	out: string,
	specPages: string[],
	samplePages: string[],
	phases: BuildPhases,
	options: CountOptions & { page: string; ui: 'starlight' | 'pagefind-ui' }
): Promise<BuildResult> {
	const pageSet = new Set(specPages);
	const largest = largestHtml(out, (path) => pageSet.has(path));
	const heaviest = heaviestPages(out);
	const missing = specPages.filter((page) => fileBytes(out, page) === null);
	if (missing.length > 0) throw new Error(`${missing.length} spec pages are missing from ${out}, e.g. ${missing[0]}`);
	let firstQuery: FirstQuery | null = null;
	if (options.search) {
		try {
			firstQuery = await measureFirstQuery(out, { page: options.page, ui: options.ui, query: options.query });
		} catch (error) {
			const note = `first-query bytes not measured: ${(error as Error).message.split('\n')[0]}`;
			if (!options.notes.includes(note)) options.notes.push(note);
		}
	}
	return {
		wallMs: usage.wallMs,
		cpuMs: usage.cpuMs,
		peakRssMb: usage.peakRssMb,
		nodePeakRssMb: peakOf(usage, (command) => command === 'node'),
		pagefindPeakRssMb: peakOf(usage, (command) => command.startsWith('pagefind')),
		heaviestPages: heaviest,
		perSpecMs: Math.round((usage.wallMs / count) * 100) / 100,
		distBytes: dirBytes(out),
		largestSpecPage: largest,
		samplePageBytes: Object.fromEntries(samplePages.map((page) => [page, fileBytes(out, page) ?? 0])),
		pagefindBytes: dirBytes(join(out, 'pagefind')),
		firstQuery,
		phases,
	};
}

/** The largest peak resident set among the tree's processes whose command `matches`, MB. */
function peakOf(usage: ProcessUsage, matches: (command: string) => boolean): number | null {
	const peaks = Object.entries(usage.peakRssMbByCommand ?? {}).filter(([command]) => matches(command));
	return peaks.length > 0 ? Math.max(...peaks.map(([, mb]) => mb)) : null;
}

function writeDoc(file: string, spec: GeneratedSpec): void {
	mkdirSync(dirname(file), { recursive: true });
	const body = spec.source.replace(/^---\n[\s\S]*?\n---\n/u, '');
	writeFileSync(file, `---\ntitle: ${JSON.stringify(spec.feature)}\n---\n${body}`);
}

function writeHugoSite(site: string): void {
	const files: Record<string, string> = {
		'hugo.toml': [
			"baseURL = 'http://127.0.0.1/'",
			"title = 'Hugo baseline'",
			"disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT']",
		].join('\n'),
		'layouts/_default/single.html': [
			'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>',
			'<body><main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>',
		].join('\n'),
		'layouts/_default/list.html': [
			'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>',
			'<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>',
			'<body><div id="search"></div>',
			"<script>window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search' }));</script>",
			'<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>',
		].join('\n'),
	};
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(site, path)), { recursive: true });
		writeFileSync(join(site, path), `${text}\n`);
	}
}

function assertBuilt(name: string, usage: ProcessUsage, out: string): void {
	if (usage.exitCode === 0 && existsSync(out)) return;
	throw new Error(`${name} build failed (exit ${usage.exitCode}):\n${tail(usage)}`);
}

function tail(usage: ProcessUsage, lines = 30): string {
	return usage.lines
		.slice(-lines)
		.map((line) => line.text)
		.join('\n');
}

function hugoVersion(): string | null {
	try {
		return execFileSync('hugo', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split(' ')[1] ?? 'unknown';
	} catch {
		return null;
	}
}

function packageVersion(name: string): string {
	try {
		return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
	} catch {
		return 'unknown';
	}
}

/** Today where the benchmark runs, as authors write Last Updated. */
function localToday(now = new Date()): string {
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function log(line: string): void {
	process.stdout.write(`${line}\n`);
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	}
);
