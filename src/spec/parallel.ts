/**
 * Analysing many spec files on every core, for `npm run check` and the site's content loader. Each
 * file is independent until the cross-spec rules, so workers each take a share of the files and
 * send back their analyses; the caller combines them (combineAnalyses). Small folders stay on one
 * thread: starting a worker costs more than parsing a few dozen specs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzeFile, type AnalyzeOptions, type FileAnalysis, type SourceFile } from './analyze.ts';
import { readSpecFile, type ReadOptions } from './files.ts';

/** The options a worker can be given: serialisable ones only (no functions, no git history). */
export type WorkerAnalyzeOptions = Pick<AnalyzeOptions, 'specsDir' | 'today' | 'mdx' | 'scheduleToday'>;

/** What a worker is given: paths to read (the CLI), or files already read (the content loader). */
export type WorkerInput = { paths: string[]; read: ReadOptions; analyze: WorkerAnalyzeOptions } | { files: SourceFile[]; analyze: WorkerAnalyzeOptions };

export type Analysed = { path: string; analysis: FileAnalysis };

/** Below this many files, one thread is faster. */
const PARALLEL_FROM = 200;

/** Reads and analyses `paths`, in worker threads when there are enough of them. */
export async function analyzePaths(paths: readonly string[], read: ReadOptions, analyze: WorkerAnalyzeOptions): Promise<Analysed[]> {
	return inShares(paths, (share) => ({ paths: share, read, analyze }));
}

/** Analyses files already read, in worker threads when there are enough of them. */
export async function analyzeFiles(files: readonly SourceFile[], analyze: WorkerAnalyzeOptions): Promise<Analysed[]> {
	return inShares(files, (share) => ({ files: share, analyze }));
}

async function inShares<T>(items: readonly T[], input: (share: T[]) => WorkerInput): Promise<Analysed[]> {
	const threads = Math.min(availableParallelism(), 8, Math.floor(items.length / (PARALLEL_FROM / 2)));
	if (items.length < PARALLEL_FROM || threads < 2) return analyzeInThisThread(input([...items]));
	// Interleaved shares, so big and small folders spread evenly.
	const shares = Array.from({ length: threads }, (_, index) => items.filter((_, position) => position % threads === index));
	const results = await Promise.all(shares.map((share) => runWorker(input(share))));
	return results.flat();
}

export async function analyzeInThisThread(input: WorkerInput): Promise<Analysed[]> {
	const files = 'files' in input ? input.files : await Promise.all(input.paths.map((path) => readSpecFile(path, input.read)));
	return files.map((file) => ({ path: file.path, analysis: analyzeFile(file, input.analyze) }));
}

function runWorker(input: WorkerInput): Promise<Analysed[]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./analyze-worker.ts', import.meta.url), { workerData: input });
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (code !== 0) reject(new Error(`an analysis worker stopped with exit code ${code}`));
		});
	});
}
