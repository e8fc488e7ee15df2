/**
 * Analysing many spec files on every core, for `npm run check` and the site's content loader. Each
 * file is independent until the cross-spec rules, so the files are shared out to this thread and
 * to worker threads, and the caller combines the analyses (combineAnalyses). Small folders stay on
 * one thread: starting a worker costs more than parsing a few dozen specs.
 *
 * The threads take files from one shared counter rather than fixed shares: a worker spends its
 * first ~100 ms loading modules this thread already has, and some specs are much longer than
 * others, so fixed shares left one thread idle while another finished.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzeFile, type AnalyzeOptions, type FileAnalysis, type SourceFile } from './analyze.ts';
import { readSpecFile, type ReadOptions } from './files.ts';

/** The options a worker can be given: serialisable ones only (no functions, no git history). */
export type WorkerAnalyzeOptions = Pick<AnalyzeOptions, 'specsDir' | 'today' | 'mdx' | 'scheduleToday'>;

/** What there is to analyse: paths to read (the CLI), or files already read (the content loader). */
export type WorkerInput = { paths: string[]; read: ReadOptions; analyze: WorkerAnalyzeOptions } | { files: SourceFile[]; analyze: WorkerAnalyzeOptions };

/** What a worker is given: all the input, and the counter every thread takes its next files from. */
export type WorkerData = { input: WorkerInput; next: Int32Array };

export type Analysed = { path: string; analysis: FileAnalysis };

/** Below this many files, one thread is faster. */
const PARALLEL_FROM = 200;
/** Files a thread takes at once: read together, then analysed one by one. */
const BATCH = 8;

/** Reads and analyses `paths`, in worker threads too when there are enough of them. */
export async function analyzePaths(paths: readonly string[], read: ReadOptions, analyze: WorkerAnalyzeOptions): Promise<Analysed[]> {
	return inParallel({ paths: [...paths], read, analyze });
}

/** Analyses files already read, in worker threads too when there are enough of them. */
export async function analyzeFiles(files: readonly SourceFile[], analyze: WorkerAnalyzeOptions): Promise<Analysed[]> {
	return inParallel({ files: [...files], analyze });
}

/** Analyses everything on this thread alone, in input order. */
export async function analyzeInThisThread(input: WorkerInput): Promise<Analysed[]> {
	return (await analyzeShare(input, new Int32Array(1))).map(([, analysed]) => analysed);
}

async function inParallel(input: WorkerInput): Promise<Analysed[]> {
	const count = 'files' in input ? input.files.length : input.paths.length;
	const threads = Math.min(availableParallelism(), 8, Math.floor(count / (PARALLEL_FROM / 2)));
	if (count < PARALLEL_FROM || threads < 2) return analyzeInThisThread(input);
	const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
	const workers = Array.from({ length: threads - 1 }, () => runWorker({ input, next }));
	const shares = await Promise.all([analyzeShare(input, next), ...workers]);
	// Back in input order, whichever thread analysed each file.
	const inOrder = new Array<Analysed>(count);
	for (const share of shares) for (const [index, analysed] of share) inOrder[index] = analysed;
	return inOrder;
}

/**
 * Analyses files until the shared counter passes the last one; returns each with its index in
 * the input. Runs in this thread and in each worker (./analyze-worker.ts).
 */
export async function analyzeShare(input: WorkerInput, next: Int32Array): Promise<[number, Analysed][]> {
	const count = 'files' in input ? input.files.length : input.paths.length;
	const done: [number, Analysed][] = [];
	for (let start = Atomics.add(next, 0, BATCH); start < count; start = Atomics.add(next, 0, BATCH)) {
		const indexes = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => start + offset);
		const files = 'files' in input ? indexes.map((index) => input.files[index]!) : await Promise.all(indexes.map((index) => readSpecFile(input.paths[index]!, input.read)));
		for (const [offset, file] of files.entries()) done.push([start + offset, { path: file.path, analysis: analyzeFile(file, input.analyze) }]);
	}
	return done;
}

function runWorker(data: WorkerData): Promise<[number, Analysed][]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./analyze-worker.ts', import.meta.url), { workerData: data });
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (code !== 0) reject(new Error(`an analysis worker stopped with exit code ${code}`));
		});
	});
}
