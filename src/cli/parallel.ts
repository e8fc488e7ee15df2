/**
 * Reading and analysing many spec files on every core. Each file is independent until the
 * cross-spec rules, so workers each take a share of the paths and send back their analyses; the
 * caller combines them (combineAnalyses). Small folders stay on one thread: starting a worker
 * costs more than parsing a few dozen specs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzeFile, readSpecFile, type AnalyzeOptions, type FileAnalysis } from '../spec/index.ts';
import type { ReadOptions } from '../spec/files.ts';

/** What a worker is given: serialisable options only (no functions, no git history). */
export interface WorkerInput {
	paths: string[];
	read: ReadOptions;
	analyze: Pick<AnalyzeOptions, 'specsDir' | 'today' | 'mdx'>;
}

export type Analysed = { path: string; analysis: FileAnalysis };

/** Below this many files, one thread is faster. */
const PARALLEL_FROM = 200;

/** Reads and analyses `paths`, in worker threads when there are enough of them. */
export async function analyzePaths(paths: readonly string[], read: ReadOptions, analyze: WorkerInput['analyze']): Promise<Analysed[]> {
	const threads = Math.min(availableParallelism(), 8, Math.floor(paths.length / (PARALLEL_FROM / 2)));
	if (paths.length < PARALLEL_FROM || threads < 2) return analyzeInThisThread({ paths: [...paths], read, analyze });
	// Interleaved shares, so big and small folders spread evenly.
	const shares = Array.from({ length: threads }, (_, index) => paths.filter((_, position) => position % threads === index));
	const results = await Promise.all(shares.map((share) => runWorker({ paths: share, read, analyze })));
	return results.flat();
}

export async function analyzeInThisThread({ paths, read, analyze }: WorkerInput): Promise<Analysed[]> {
	const files = await Promise.all(paths.map((path) => readSpecFile(path, read)));
	return files.map((file) => ({ path: file.path, analysis: analyzeFile(file, analyze) }));
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
