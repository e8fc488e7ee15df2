/**
 * The loader's view of the whole specs folder: every source, analysed together so the cross-spec
 * rules (unique Feature, `supersedes` targets) apply, and the data each entry stores. Kept apart
 * from Astro so it can be tested directly.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SpecbookContext } from '../context.ts';
import { relativePath } from '../core/paths.ts';
import type { Diagnostic } from '../core/model.ts';
import { analyzeFile, combineAnalyses, gitHistoryNote, readGitHistory, readSpecFile, readSpecFiles, specIdFromPath, type AnalyzeOptions, type FileAnalysis, type GitHistory, type SourceFile } from '../core/index.ts';
import { analyzeFiles, type WorkerAnalyzeOptions } from '../core/parallel.ts';
import type { SpecData } from './schema.ts';
import { sortDiagnostics } from './report.ts';

/** What the analysis needs of the resolved context (src/context.ts). */
export type AnalysisOptions = Pick<SpecbookContext, 'cwd' | 'specsDir' | 'today' | 'mdx' | 'maxFileBytes'>;

/** Wall times of one load's git read, ms. */
export interface HistoryTiming {
	/** From starting git to the parsed history. */
	readMs: number;
	/** How long the load waited for it after reading and analysing every spec. */
	waitedMs: number;
}

/** The build log's line for it; `npm run bench` reads it back with parseHistoryTiming(). */
export function historyTimingMessage(timing: HistoryTiming): string {
	return `git history read in ${timing.readMs} ms (waited for: ${timing.waitedMs} ms)`;
}

/** The timing a build log line reports, or undefined for any other line. */
export function parseHistoryTiming(line: string): HistoryTiming | undefined {
	const match = /git history read in (\d+) ms \(waited for: (\d+) ms\)/u.exec(line);
	return match ? { readMs: Number(match[1]), waitedMs: Number(match[2]) } : undefined;
}

export class SpecsAnalysis {
	readonly #options: AnalysisOptions;
	/** Sources keyed by absolute path (the loader's `filePath`). */
	readonly #sources = new Map<string, SourceFile>();
	/** Entry data keyed by absolute path. */
	#data = new Map<string, SpecData>();
	#diagnostics: Diagnostic[] = [];
	/** The specs folder's git history, read once per load (one git log for every spec). */
	#git: GitHistory | undefined;
	#historyTiming: HistoryTiming | undefined;
	/** Each file's own analysis, by path, with the source it was made from. */
	readonly #fileAnalyses = new Map<string, { file: SourceFile; analysis: FileAnalysis }>();

	constructor(options: AnalysisOptions) {
		this.#options = options;
	}

	/** Every finding of the last analysis, errors first. */
	get diagnostics(): Diagnostic[] {
		return this.#diagnostics;
	}

	/** The warnings of the last analysis. */
	get warnings(): Diagnostic[] {
		return this.#diagnostics.filter((d) => d.severity === 'warning');
	}

	/**
	 * Why specs show no history, in one sentence for the build log (outside git, a shallow clone,
	 * specs never committed); undefined when every spec has its history.
	 */
	get historyNote(): string | undefined {
		if (!this.#git) return undefined;
		const note = gitHistoryNote(this.#git);
		if (note) return note;
		const uncommitted = [...this.#data.values()].filter((data) => data.valid && data.revisions === 0).map((data) => data.path);
		if (uncommitted.length === 0) return undefined;
		const named = uncommitted.slice(0, 3).join(', ') + (uncommitted.length > 3 ? ', …' : '');
		return `${uncommitted.length} spec${uncommitted.length === 1 ? ' has' : 's have'} no git history yet (never committed): ${named}.`;
	}

	/** The errors of the last analysis. */
	get errors(): Diagnostic[] {
		return this.#diagnostics.filter((d) => d.severity === 'error');
	}

	/**
	 * Read every published spec from disk and analyse them all: each file on its own in worker
	 * threads when there are many (as `npm run check` does), then the cross-spec rules here.
	 */
	async load(): Promise<void> {
		this.#sources.clear();
		// git reads the history while the specs are read and analysed; only the cross-spec step needs it.
		const started = performance.now();
		const git = readGitHistory(this.#options.specsDir, this.#options.cwd).then((history) => ({ history, readMs: performance.now() - started }));
		for (const file of await readSpecFiles(this.#options.specsDir, this.#readOptions())) this.#sources.set(this.#absolute(file.path), file);
		const unanalysed = new Map([...this.#sources.values()].filter((file) => this.#fileAnalyses.get(file.path)?.file !== file).map((file) => [file.path, file]));
		for (const { path, analysis } of await analyzeFiles([...unanalysed.values()], this.#workerOptions())) {
			this.#fileAnalyses.set(path, { file: unanalysed.get(path)!, analysis });
		}
		const waiting = performance.now();
		const { history, readMs } = await git;
		this.#git = history;
		this.#historyTiming = history.kind === 'history' ? { readMs: Math.round(readMs), waitedMs: Math.round(performance.now() - waiting) } : undefined;
		this.#analyze();
	}

	/** How long the last load's git read took (git and parsing) and how much of it the load waited for; undefined without history. */
	get historyTiming(): HistoryTiming | undefined {
		return this.#historyTiming;
	}

	/**
	 * The data to store for the file at `filePath` (absolute). With `reread`, the file is read again
	 * and, when it changed since the last analysis (an edit in `astro dev`), everything is analysed
	 * again; `changed` then says so, and the caller may refresh other entries.
	 */
	async dataFor(filePath: string, { reread = false } = {}): Promise<{ data: SpecData; changed: boolean }> {
		const path = this.#absolute(filePath);
		let changed = false;
		const known = this.#sources.get(path);
		if (reread || !known) {
			const file = { ...(await readSpecFile(path, this.#readOptions())), path: known?.path ?? this.#relative(path) };
			if (file.source !== known?.source || file.problem || known.problem) {
				this.#sources.set(path, file);
				this.#analyze();
				changed = true;
			}
		}
		return { data: this.#data.get(path) as SpecData, changed };
	}

	/** The data of another file, from the last analysis (no disk access). */
	peek(filePath: string): SpecData | undefined {
		return this.#data.get(this.#absolute(filePath));
	}

	/** Forget a deleted file; true when it was a known spec (and everything was analysed again). */
	forget(filePath: string): boolean {
		const key = this.#absolute(filePath);
		const file = this.#sources.get(key);
		if (!file) return false;
		this.#sources.delete(key);
		this.#fileAnalyses.delete(file.path);
		this.#analyze();
		return true;
	}

	#readOptions() {
		return { cwd: this.#options.cwd, maxFileBytes: this.#options.maxFileBytes, specsDir: this.#options.specsDir };
	}

	/** A spec path (relative to the context's `cwd`) or a loader file path, made absolute. */
	#absolute(path: string): string {
		return resolve(this.#options.cwd, path);
	}

	#relative(path: string): string {
		return relativePath(this.#options.cwd, path);
	}

	/** What worker threads get: serialisable options only. */
	#workerOptions(): WorkerAnalyzeOptions {
		const { specsDir, today, mdx } = this.#options;
		return { specsDir, today, mdx };
	}

	#analyzeOptions(): AnalyzeOptions {
		return { ...this.#workerOptions(), fileExists: (path) => existsSync(this.#absolute(path)), ...(this.#git ? { git: this.#git } : {}) };
	}

	#analyze(): void {
		const files = [...this.#sources.values()];
		const options = this.#analyzeOptions();
		// In `astro dev` one edit changes one file: reuse the other files' own analyses (keyed by the
		// source text) and redo only the cross-spec part, instead of parsing every spec again.
		const analysed = files.map((file) => {
			const cached = this.#fileAnalyses.get(file.path);
			if (cached && cached.file === file) return { path: file.path, analysis: cached.analysis };
			const analysis = analyzeFile(file, options);
			this.#fileAnalyses.set(file.path, { file, analysis });
			return { path: file.path, analysis };
		});
		const { specs, diagnostics } = combineAnalyses(analysed, options);
		this.#diagnostics = sortDiagnostics(diagnostics);
		const specByPath = new Map(specs.map((spec) => [spec.path, spec]));
		const diagnosticsByFile = Map.groupBy(this.#diagnostics, (d) => d.file);
		const data = new Map<string, SpecData>();
		for (const [absolute, file] of this.#sources) {
			const fileDiagnostics = diagnosticsByFile.get(file.path) ?? [];
			const spec = specByPath.get(file.path);
			data.set(
				absolute,
				spec && !fileDiagnostics.some((d) => d.severity === 'error')
					? { ...spec, valid: true, diagnostics: fileDiagnostics }
					: { valid: false, id: spec?.id ?? specIdFromPath(this.#options.specsDir, file.path), path: file.path, diagnostics: fileDiagnostics },
			);
		}
		this.#data = data;
	}
}
