/**
 * Analysing many spec files on every core, for `npm run check` and the site's content loader. Each
 * file is independent until the cross-spec rules, so the files are shared out to this thread and
 * to worker threads, and the caller combines the analyses (combineAnalyses). Small folders stay on
 * one thread: starting a worker costs more than parsing a few dozen specs.
 *
 * The threads take files from one shared counter rather than fixed shares: a worker spends its
 * first ~100 ms loading modules this thread already has, and some specs are much longer than
 * others, so fixed shares left one thread idle while another finished. Every thread can therefore
 * be handed any file: files already read are laid out once in shared memory, not copied to each.
 */
import { Buffer } from 'node:buffer';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzeFile, type AnalyzeOptions, type FileAnalysis, type SourceFile } from './analyze.ts';
import { readSpecFile, type ReadOptions } from './files.ts';

/** The options a worker can be given: serialisable ones only (no functions, no git history). */
export type WorkerAnalyzeOptions = Pick<AnalyzeOptions, 'specsDir' | 'today' | 'mdx'>;

/** What to analyse: paths to read (the CLI), or files already read (the content loader). */
export type AnalysisInput = { paths: string[]; read: ReadOptions; analyze: WorkerAnalyzeOptions } | { files: SourceFile[]; analyze: WorkerAnalyzeOptions };

/** Files already read, with their texts in one buffer that all threads share. */
export interface SharedFiles {
	/** Each file without its text. */
	files: Omit<SourceFile, 'source'>[];
	/** The texts, UTF-8, one after the other. */
	text: SharedArrayBuffer;
	/** Where each file's text starts in `text`, in bytes, and then where the last one ends. */
	bounds: Int32Array;
}

/** What a worker is given: the input, and the counter every thread takes its next files from. */
export type WorkerData = { next: Int32Array; analyze: WorkerAnalyzeOptions } & ({ paths: string[]; read: ReadOptions } | { shared: SharedFiles });

export type Analysed = { path: string; analysis: FileAnalysis };

/** Below this many files, one thread is faster. */
const PARALLEL_FROM = 200;
/** Files a thread takes at once: read together, then analysed one by one. */
const BATCH = 8;

/** Reads and analyses `paths`, in worker threads too when there are enough of them; in input order. */
export async function analyzePaths(paths: readonly string[], read: ReadOptions, analyze: WorkerAnalyzeOptions): Promise<Analysed[]> {
	return inParallel({ paths: [...paths], read, analyze });
}

/** Analyses files already read, in worker threads too when there are enough of them; in input order. */
export async function analyzeFiles(files: readonly SourceFile[], analyze: WorkerAnalyzeOptions): Promise<Analysed[]> {
	return inParallel({ files: [...files], analyze });
}

/** Analyses everything on this thread alone, in input order. */
export async function analyzeInThisThread(input: AnalysisInput): Promise<Analysed[]> {
	return (await analyzeShare(fileSource(input), input.analyze, new Int32Array(1))).map(([, analysed]) => analysed);
}

async function inParallel(input: AnalysisInput): Promise<Analysed[]> {
	const source = fileSource(input);
	const { count } = source;
	const threads = Math.min(availableParallelism(), 8, Math.floor(count / (PARALLEL_FROM / 2)));
	if (count < PARALLEL_FROM || threads < 2) return analyzeInThisThread(input);
	const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
	const data: WorkerData = 'files' in input ? { next, analyze: input.analyze, shared: shareFiles(input.files) } : { next, analyze: input.analyze, paths: input.paths, read: input.read };
	const workers = Array.from({ length: threads - 1 }, () => startWorker(data));
	let shares: [number, Analysed][][];
	try {
		shares = await Promise.all([analyzeShare(source, input.analyze, next), ...workers.map(({ result }) => result)]);
	} catch (error) {
		// One thread failing fails the whole analysis: stop the others rather than let them finish for nothing.
		for (const { worker } of workers) void worker.terminate();
		throw error;
	}
	// Back in input order, whichever thread analysed each file.
	const inOrder = new Array<Analysed>(count);
	for (const share of shares) for (const [index, analysed] of share) inOrder[index] = analysed;
	return inOrder;
}

/** The nth file of an input, read when it is given as a path. */
type FileSource = { count: number; fileAt(index: number): SourceFile | Promise<SourceFile> };

function fileSource(input: AnalysisInput | WorkerData): FileSource {
	if ('files' in input) return { count: input.files.length, fileAt: (index) => input.files[index]! };
	if ('paths' in input) return { count: input.paths.length, fileAt: (index) => readSpecFile(input.paths[index]!, input.read) };
	const { files, text, bounds } = input.shared;
	return {
		count: files.length,
		fileAt: (index) => ({ ...files[index]!, source: Buffer.from(text, bounds[index]!, bounds[index + 1]! - bounds[index]!).toString('utf8') }),
	};
}

/** The files with their texts moved into one shared buffer (see SharedFiles). */
function shareFiles(files: readonly SourceFile[]): SharedFiles {
	const bounds = new Int32Array(files.length + 1);
	for (const [index, file] of files.entries()) bounds[index + 1] = bounds[index]! + Buffer.byteLength(file.source);
	const text = new SharedArrayBuffer(bounds[files.length]!);
	const buffer = Buffer.from(text);
	for (const [index, file] of files.entries()) buffer.write(file.source, bounds[index]!, 'utf8');
	return { files: files.map(({ source: _, ...rest }) => rest), text, bounds };
}

/**
 * Analyses files until the shared counter passes the last one; returns each with its index in
 * the input. Runs in this thread and in each worker (./analyze-worker.ts).
 */
async function analyzeShare(source: FileSource, analyze: WorkerAnalyzeOptions, next: Int32Array): Promise<[number, Analysed][]> {
	const done: [number, Analysed][] = [];
	for (let start = Atomics.add(next, 0, BATCH); start < source.count; start = Atomics.add(next, 0, BATCH)) {
		const indexes = Array.from({ length: Math.min(BATCH, source.count - start) }, (_, offset) => start + offset);
		const files = await Promise.all(indexes.map((index) => source.fileAt(index)));
		for (const [offset, file] of files.entries()) done.push([start + offset, { path: file.path, analysis: analyzeFile(file, analyze) }]);
	}
	return done;
}

/** What ./analyze-worker.ts does with `data`: analyse files from its counter, with their input indexes. */
export function analyzeWorkerShare(data: WorkerData): Promise<[number, Analysed][]> {
	return analyzeShare(fileSource(data), data.analyze, data.next);
}

function startWorker(data: WorkerData): { worker: Worker; result: Promise<[number, Analysed][]> } {
	// The worker has this module's extension: .ts from src/, .js from the package's compiled copy.
	const worker = new Worker(new URL(`./analyze-worker${import.meta.url.endsWith('.js') ? '.js' : '.ts'}`, import.meta.url), { workerData: data });
	const result = new Promise<[number, Analysed][]>((resolve, reject) => {
		let answered = false;
		worker.once('message', (share: [number, Analysed][]) => {
			answered = true;
			resolve(share);
		});
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (!answered) reject(new Error(code === 0 ? 'an analysis worker stopped without sending its analyses' : `an analysis worker stopped with exit code ${code}`));
		});
	});
	return { worker, result };
}
