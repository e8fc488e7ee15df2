/**
 * The benchmark's results: their JSON shape, the targets of issue 6 evaluated on them, and the
 * tables printed at the end of a run (Markdown, so they paste into the README as they are).
 */
import type { DevResult } from './dev.ts';
import type { BuildPhases, FirstQuery, PageWeight } from './measure.ts';

/** `npm run check` on the generated specs. */
export interface CheckResult {
	wallMs: number;
	cpuMs: number;
	peakRssMb: number | null;
	errors: number;
	warnings: number;
}

/** One build of one site. */
export interface BuildResult {
	wallMs: number;
	/** User + system CPU of the whole process tree (Pagefind included). */
	cpuMs: number;
	peakRssMb: number | null;
	/** Peak resident set of the build's Node process (Astro and Specbook; worker threads included), MB. */
	nodePeakRssMb: number | null;
	/** Peak resident set of the Pagefind indexer it ran, MB. */
	pagefindPeakRssMb: number | null;
	/** The largest HTML page gzipped, and the one listing the most rows, cards and timeline bars. */
	heaviestPages: { largest: PageWeight; mostRows: PageWeight } | null;
	/** Wall time divided by the number of specs. */
	perSpecMs: number;
	/** Everything in the output folder. */
	distBytes: number;
	/** The largest spec page's HTML (path relative to the output folder). */
	largestSpecPage: { path: string; bytes: number } | null;
	/** HTML bytes of the first generated specs' pages, which are the same specs at every N. */
	samplePageBytes: Record<string, number>;
	/** The Pagefind index (the output's pagefind/ folder). */
	pagefindBytes: number;
	/** Null when it was not measured (see the notes). */
	firstQuery: FirstQuery | null;
	phases: BuildPhases;
}

/** Everything measured for one N. */
export interface SpecsRun {
	specs: number;
	averageWords: number;
	/** The word typed for the first-query measurement. */
	query: string;
	check: CheckResult;
	specbook: BuildResult;
	/** Plain Starlight with the same files as docs pages; null with --skip-baseline. */
	starlight: BuildResult | null;
	/** Hugo + the Pagefind CLI; null when skipped or hugo is not installed. */
	hugo: BuildResult | null;
	/** `astro dev` (with --dev), else null. */
	dev: DevResult | null;
}

/** The git history run (--history): N specs in a generated repository, built once. */
export interface HistoryRun {
	specs: number;
	commitsPerSpec: number;
	/** Commits in the repository. */
	commits: number;
	/** Commits that only moved a spec to another folder. */
	moves: number;
	/** Status changes after the status each spec was added with. */
	statusChanges: number;
	/** Time to generate the repository (not part of the build). */
	generateMs: number;
	/** The build; its phases carry the history step's wall time and how long the build waited for it. */
	specbook: BuildResult;
	/** The history step's own CPU time, ms, measured apart: the build's `git log`, and reading and parsing its output. */
	stepCpu: { gitMs: number; parseMs: number };
	/** The same specs built outside any git repository, right after. */
	withoutHistory: BuildResult;
}

/** One target of issue 6, evaluated. */
export interface TargetResult {
	name: string;
	/** The measured value in `unit`, or null when this run cannot tell (see `detail`). */
	measured: number | null;
	limit: number;
	unit: string;
	pass: boolean | null;
	/** Which runs it was computed from. */
	detail: string;
}

export interface BenchResults {
	date: string;
	command: string;
	machine: {
		cpus: number;
		cpuModel: string;
		memoryGb: number;
		/** Other work on the machine skews wall times: the 1-minute load average when the run started. */
		loadAverageAtStart: number;
		node: string;
		astro: string;
		starlight: string;
		pagefind: string;
		hugo: string | null;
	};
	seed: number;
	/** The word asked for with --query (a run falls back to another when it does not occur). */
	query: string;
	runs: SpecsRun[];
	/** Null without --history. */
	history: HistoryRun | null;
	targets: TargetResult[];
	/** What was skipped and why. */
	notes: string[];
}

/** The run whose N is closest (by ratio) to `wanted`, among those that have `has`. */
function near(runs: readonly SpecsRun[], wanted: number, has: (run: SpecsRun) => boolean = () => true): SpecsRun | undefined {
	return runs
		.filter(has)
		.sort((a, b) => Math.abs(Math.log(a.specs / wanted)) - Math.abs(Math.log(b.specs / wanted)))[0];
}

const at = (run: SpecsRun, wanted: number) => (run.specs === wanted ? `at ${fmtInt(wanted)} specs` : `at ${fmtInt(run.specs)} specs (the target is for ${fmtInt(wanted)})`);
/** Wall times suffer when other work shares the machine; the CPU-time ratio is the steadier figure. */
const cpuRatio = (a: number, b: number) => `${round(a / b)} ×`;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Issue 6's and 17's targets, each computed from the runs it needs (or null with the reason). */
export function evaluateTargets(runs: readonly SpecsRun[], history: HistoryRun | null): TargetResult[] {
	const targets: TargetResult[] = [];
	const add = (name: string, limit: number, unit: string, value: number | null, detail: string) =>
		targets.push({ name, measured: value === null ? null : round(value), limit, unit, pass: value === null ? null : value <= limit, detail });

	const withStarlight = near(runs, 1000, (run) => run.starlight !== null);
	add(
		'Cold build time, Specbook / plain Starlight',
		0.4,
		'×',
		withStarlight ? withStarlight.specbook.wallMs / withStarlight.starlight!.wallMs : null,
		withStarlight ? `${at(withStarlight, 1000)}; CPU time: ${cpuRatio(withStarlight.specbook.cpuMs, withStarlight.starlight!.cpuMs)}` : 'no Starlight baseline in this run'
	);
	const withHugo = near(runs, 5000, (run) => run.hugo !== null);
	add(
		'Cold build time, Specbook / Hugo + Pagefind',
		2,
		'×',
		withHugo ? withHugo.specbook.wallMs / withHugo.hugo!.wallMs : null,
		withHugo ? `${at(withHugo, 5000)}; CPU time: ${cpuRatio(withHugo.specbook.cpuMs, withHugo.hugo!.cpuMs)}` : 'no Hugo baseline in this run'
	);
	const large = near(runs, 5000);
	const small = near(runs, 1000);
	// Linearity compares two sizes: 1,000 and 5,000 when run, else the smallest against the largest.
	const most = runs.reduce<SpecsRun | undefined>((a, b) => (!a || b.specs > a.specs ? b : a), undefined);
	const fewer = most ? near(runs, 1000, (run) => run.specs < most.specs) : undefined;
	const twoSizes = most && fewer;
	add(
		'Per-spec build time, large N / small N',
		1.2,
		'×',
		twoSizes ? most.specbook.perSpecMs / fewer.specbook.perSpecMs : null,
		twoSizes
			? `${fmtInt(most.specs)} vs ${fmtInt(fewer.specs)} specs; CPU time: ${cpuRatio(most.specbook.cpuMs / most.specs, fewer.specbook.cpuMs / fewer.specs)}`
			: 'needs two sizes, e.g. --specs 1000,5000'
	);
	const largest = runs.reduce<{ run: SpecsRun; bytes: number } | null>((best, run) => {
		const bytes = run.specbook.largestSpecPage?.bytes ?? 0;
		return !best || bytes > best.bytes ? { run, bytes } : best;
	}, null);
	add('Largest spec page HTML', 60, 'KB', largest ? largest.bytes / 1024 : null, largest ? `${largest.run.specbook.largestSpecPage?.path} at ${fmtInt(largest.run.specs)} specs` : 'no run');
	const fewest = runs.reduce<SpecsRun | undefined>((a, b) => (!a || b.specs < a.specs ? b : a), undefined);
	const growth =
		fewest && most && fewest !== most
			? Math.max(...Object.entries(fewest.specbook.samplePageBytes).map(([page, bytes]) => (most.specbook.samplePageBytes[page] ?? 0) / bytes))
			: null;
	add(
		'Same spec pages, HTML at large N / small N',
		1.01,
		'×',
		growth,
		growth !== null ? `${Object.keys(fewest!.specbook.samplePageBytes).length} pages, ${fmtInt(most!.specs)} vs ${fmtInt(fewest!.specs)} specs` : 'needs two sizes'
	);
	add("Peak RSS of Specbook's Node process", 2048, 'MB', large?.specbook.nodePeakRssMb ?? null, large ? at(large, 5000) : 'no run');
	const withHugoPagefind = near(runs, 5000, (run) => run.hugo?.pagefindPeakRssMb != null && run.specbook.pagefindPeakRssMb !== null);
	add(
		"Pagefind's peak RSS, Specbook / Hugo + Pagefind",
		1,
		'×',
		withHugoPagefind ? withHugoPagefind.specbook.pagefindPeakRssMb! / withHugoPagefind.hugo!.pagefindPeakRssMb! : null,
		withHugoPagefind ? `${at(withHugoPagefind, 5000)}: ${withHugoPagefind.specbook.pagefindPeakRssMb} MB and ${withHugoPagefind.hugo!.pagefindPeakRssMb} MB` : 'no Hugo baseline in this run'
	);
	// Validating must cost less than the fastest generator's whole build of the same files.
	const checkedWithHugo = near(runs, 1000, (run) => run.hugo?.phases.renderMs != null);
	add(
		"check time / Hugo's build without Pagefind",
		1,
		'×',
		checkedWithHugo ? checkedWithHugo.check.wallMs / checkedWithHugo.hugo!.phases.renderMs! : null,
		checkedWithHugo ? `${at(checkedWithHugo, 1000)}: ${sec(checkedWithHugo.check.wallMs)} s and ${sec(checkedWithHugo.hugo!.phases.renderMs)} s` : 'no Hugo baseline in this run'
	);
	const queriedWithHugo = near(runs, 5000, (run) => run.specbook.firstQuery !== null && run.hugo?.firstQuery != null);
	add(
		'First search query fetches, Specbook / Hugo + Pagefind',
		1,
		'×',
		queriedWithHugo ? queriedWithHugo.specbook.firstQuery!.bytes / queriedWithHugo.hugo!.firstQuery!.bytes : null,
		queriedWithHugo
			? `${at(queriedWithHugo, 5000)}: ${kb(queriedWithHugo.specbook.firstQuery!.bytes)} KB and ${kb(queriedWithHugo.hugo!.firstQuery!.bytes)} KB`
			: 'no Hugo baseline or no query measured in this run'
	);
	add(
		'First search query fetches',
		150,
		'KB',
		small?.specbook.firstQuery ? small.specbook.firstQuery.bytes / 1024 : null,
		small ? (small.specbook.firstQuery ? at(small, 1000) : 'not measured (see notes)') : 'no run'
	);
	const heaviest = large?.specbook.heaviestPages;
	add('Largest HTML page, gzipped', 150, 'KB', heaviest ? heaviest.largest.gzipBytes / 1024 : null, heaviest ? `${heaviest.largest.path} ${at(large!, 5000)}` : 'no run');
	add('Most table rows, spec cards and timeline bars on one page', 1500, '', heaviest ? heaviest.mostRows.rows : null, heaviest ? `${heaviest.mostRows.path} ${at(large!, 5000)}` : 'no run');
	const developed = runs.find((run) => run.dev !== null);
	add('Edited spec shown in astro dev', 1.5, 's', developed ? developed.dev!.editMs / 1000 : null, developed ? at(developed, developed.specs) : 'needs --dev, e.g. --dev 1000');
	// Both shares must be within the limit: what the step adds to the build's work (CPU), and what
	// the build spends waiting for it (wall). The step's own wall time, start to end, is only shown:
	// it runs in a worker beside the specs' analysis, so on a busy machine it mostly counts the time
	// it waited for a core.
	const shares = history && historyShares(history);
	add(
		'Git history step / build (CPU share and wait share)',
		10,
		'%',
		shares && shares.wait !== null ? Math.max(shares.cpu, shares.wait) : null,
		history && shares
			? `${fmtInt(history.specs)} specs × ${history.commitsPerSpec} commits: CPU ${sec(history.stepCpu.gitMs)} s (git) + ${sec(history.stepCpu.parseMs)} s (reading and parsing its output) = ${round(shares.cpu, 1)}% of the build's ${sec(history.specbook.cpuMs)} s; waited for ${sec(history.specbook.phases.historyWaitedMs)} s = ${shares.wait === null ? '–' : round(shares.wait, 1)}% of ${sec(history.specbook.wallMs)} s; start to end ${sec(history.specbook.phases.historyMs)} s (not a target: overlaps the analysis); outside git ${sec(history.withoutHistory.wallMs)} s (CPU ${sec(history.withoutHistory.cpuMs)} s)`
			: 'needs --history, e.g. --history 1000'
	);
	return targets;
}

/** The history step's CPU time as a share of the build's, and the build's wait for it as a share of its wall time (null when not reported), %. */
export function historyShares(history: HistoryRun): { cpu: number; wait: number | null } {
	const waited = history.specbook.phases.historyWaitedMs;
	return {
		cpu: ((history.stepCpu.gitMs + history.stepCpu.parseMs) / history.specbook.cpuMs) * 100,
		wait: waited === null ? null : (waited / history.specbook.wallMs) * 100,
	};
}

/** The raw figures and the targets as Markdown tables, then the notes. */
export function formatReport(results: BenchResults): string {
	const rows: string[][] = [];
	for (const run of results.runs) {
		rows.push([fmtInt(run.specs), '`check`', sec(run.check.wallMs), sec(run.check.cpuMs), mb(run.check.peakRssMb), '', '', '', '', '', '', '', '']);
		for (const [name, build] of [
			['Specbook', run.specbook],
			['plain Starlight', run.starlight],
			['Hugo + Pagefind', run.hugo],
		] as const) {
			if (build) rows.push(buildRow(fmtInt(run.specs), name, build));
		}
	}
	if (results.history) {
		for (const [name, build] of [
			[`${fmtInt(results.history.specs)} (git)`, results.history.specbook],
			[`${fmtInt(results.history.specs)} (same, no git)`, results.history.withoutHistory],
		] as const) {
			rows.push(buildRow(name, 'Specbook', build));
		}
	}
	const raw = table(
		['specs', 'what', 'wall s', 'CPU s', 'peak RSS MB', 'Node / Pagefind peak MB', 'ms/spec', 'dist MB', 'largest spec page KB', 'largest page gzipped KB', 'most rows on a page', 'Pagefind index KB', 'first query KB'],
		rows
	);
	const heaviest = results.runs.flatMap((run) =>
		run.specbook.heaviestPages
			? [`- at ${fmtInt(run.specs)} specs, the largest page gzipped is ${run.specbook.heaviestPages.largest.path} (${kb(run.specbook.heaviestPages.largest.gzipBytes)} KB; ${kb(run.specbook.heaviestPages.largest.bytes)} KB raw); the most rows, ${run.specbook.heaviestPages.mostRows.rows}, are on ${run.specbook.heaviestPages.mostRows.path}`]
			: []
	);
	const phaseRow = (specs: string, name: string, build: BuildResult) => [
		specs,
		name,
		sec(build.phases.contentMs),
		sec(build.phases.historyMs),
		sec(build.phases.historyWaitedMs),
		sec(build.phases.bundleMs),
		sec(build.phases.renderMs),
		sec(build.phases.pagefindMs),
	];
	const phases = table(
		['specs', 'build', 'content layer s', 'git history s', 'waited for s', 'bundle s', 'render s', 'Pagefind s'],
		[
			...results.runs.flatMap((run) =>
				(
					[
						['Specbook', run.specbook],
						['plain Starlight', run.starlight],
					] as const
				).flatMap(([name, build]) => (build ? [phaseRow(fmtInt(run.specs), name, build)] : []))
			),
			...(results.history
				? [
						phaseRow(`${fmtInt(results.history.specs)} (git, ${fmtInt(results.history.commits)} commits)`, 'Specbook', results.history.specbook),
						phaseRow(`${fmtInt(results.history.specs)} (same, no git)`, 'Specbook', results.history.withoutHistory),
					]
				: []),
		]
	);
	const targets = table(
		['target', 'measured', 'limit', 'result', 'from'],
		results.targets.map((target) => [
			target.name,
			target.measured === null ? '–' : `${target.measured} ${target.unit}`,
			`≤ ${target.limit} ${target.unit}`,
			target.pass === null ? 'n/a' : target.pass ? 'pass' : 'FAIL',
			target.detail,
		])
	);
	const machine = results.machine;
	const header = `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, load ${machine.loadAverageAtStart.toFixed(2)} at start; Node ${machine.node}, Astro ${machine.astro}, Starlight ${machine.starlight}, Pagefind ${machine.pagefind}${machine.hugo ? `, Hugo ${machine.hugo}` : ''}`;
	const devRows = results.runs.flatMap((run) => (run.dev ? [[fmtInt(run.specs), sec(run.dev.firstPageMs), sec(run.dev.editMs)]] : []));
	const dev = devRows.length ? ['', 'astro dev:', '', table(['specs', 'first spec page served s', 'edit shown s'], devRows)] : [];
	const notes = results.notes.map((note) => `- ${note}`).join('\n');
	return [header, '', raw, ...(heaviest.length ? ['', 'Specbook\'s heaviest pages:', '', ...heaviest] : []), '', 'Build phases (from the build log):', '', phases, ...dev, '', targets, ...(notes ? ['', notes] : [])].join('\n');
}

function table(head: string[], rows: string[][]): string {
	const widths = head.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
	return [line(head), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function fmtInt(value: number): string {
	return value.toLocaleString('en-US');
}

function sec(ms: number | null): string {
	return ms === null ? '–' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}

/** One build's row of the raw figures table. */
function buildRow(specs: string, name: string, build: BuildResult): string[] {
	const heaviest = build.heaviestPages;
	return [
		specs,
		name,
		sec(build.wallMs),
		sec(build.cpuMs),
		mb(build.peakRssMb),
		`${mb(build.nodePeakRssMb)} / ${mb(build.pagefindPeakRssMb)}`,
		build.perSpecMs.toFixed(1),
		(build.distBytes / 2 ** 20).toFixed(1),
		build.largestSpecPage ? (build.largestSpecPage.bytes / 1024).toFixed(1) : '–',
		heaviest ? kb(heaviest.largest.gzipBytes) : '–',
		heaviest ? String(heaviest.mostRows.rows) : '–',
		(build.pagefindBytes / 1024).toFixed(0),
		build.firstQuery ? kb(build.firstQuery.bytes) : '–',
	];
}

function kb(bytes: number): string {
	return (bytes / 1024).toFixed(1);
}

function mb(value: number | null): string {
	return value === null ? '–' : String(value);
}
