/**
 * The spec model's public API: one parser and one schema for the CLI, the content loader and the tests.
 */
import { analyzeFile, specIdFromPath, type AnalyzeOptions, type FileAnalysis, type SourceFile } from './analyze.ts';
import { crossSpecDiagnostics } from './cross.ts';
import { compareDiagnostics } from './diagnostics.ts';
import { gitStaleness, type GitHistory } from './git.ts';
import { specHistory } from './spec-history.ts';
import { scheduleDiagnostics } from './schedule.ts';
import type { Diagnostic, Spec } from './model.ts';

export { analyzeFile, specIdFromPath, type AnalyzeOptions, type FileAnalysis, type SourceFile } from './analyze.ts';
export { DIAGNOSTICS, formatDiagnostic, compareDiagnostics, type DiagnosticCode } from './diagnostics.ts';
export { gitHistoryNote, readGitHistory, type GitHistory } from './git.ts';
export { NO_HISTORY, specHistory } from './spec-history.ts';
export { listSpecFiles, readSpecFile, readSpecFiles } from './files.ts';
export { isPublishedSpecPath, linkKey, normalizeRelative, pathInSpecsDir, relativePath } from './paths.ts';
export { latestAllowedDate, utcDate } from './dates.ts';
export { templateOutline, type OutlineField, type OutlineSection } from './schema.ts';
export { parseTimeline, resolveTimelines, TIMELINE_FORMS } from './timeline.ts';
export * from './model.ts';

/** The spec with its history fields from git (cached analyses come without them). */
function withHistory(spec: Spec, git: GitHistory | undefined): Spec {
	return git ? { ...spec, ...specHistory(spec.path, spec.status, git) } : spec;
}

/** Every file, every diagnostic (per-file and cross-spec), sorted; specs (valid ones only) sorted by id. */
export function analyzeSpecs(files: readonly SourceFile[], options: AnalyzeOptions & { focus?: ReadonlySet<string> }): { specs: Spec[]; diagnostics: Diagnostic[] } {
	return combineAnalyses(
		files.map((file) => ({ path: file.path, analysis: analyzeFile(file, options) })),
		options
	);
}

/**
 * The cross-spec half of analyzeSpecs, over files already analysed one by one (perhaps in worker
 * threads: see ./parallel.ts).
 */
export function combineAnalyses(
	analysed: readonly { path: string; analysis: FileAnalysis }[],
	/** `focus`: the files a check was asked about, which a clash with another file is reported on. */
	options: AnalyzeOptions & { focus?: ReadonlySet<string> }
): { specs: Spec[]; diagnostics: Diagnostic[] } {
	const entries = [...analysed]
		.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
		.map(({ path, analysis }) => ({ path, id: specIdFromPath(options.specsDir, path), analysis }));
	const staleness = entries.flatMap(({ path, analysis: { spec, lastUpdatedPosition } }) => {
		const diagnostic = spec && options.git ? gitStaleness(path, spec.lastUpdated, lastUpdatedPosition, options.git) : undefined;
		return diagnostic ? [diagnostic] : [];
	});
	const perFile = [...entries.flatMap((entry) => entry.analysis.diagnostics), ...crossSpecDiagnostics(entries, options), ...staleness];
	const failed = new Set(perFile.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.file));
	const specs = entries
		.flatMap((entry) => (entry.analysis.spec && !failed.has(entry.path) ? [withHistory(entry.analysis.spec, options.git)] : []))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	// Schedule warnings compare resolved dates, so they look at valid specs only.
	const schedule = scheduleDiagnostics(specs, { today: options.today });
	const diagnostics = [...perFile, ...schedule].sort(compareDiagnostics);
	return { specs, diagnostics };
}
