/**
 * How the loader reports findings: the same `path:line:col: severity CODE message` lines as
 * `npm run check` (src/core's `formatDiagnostic`), so an author sees one format everywhere.
 */
import type { Diagnostic } from '../core/model.ts';
import { formatDiagnostic } from '../core/index.ts';

/** The subset of Astro's integration logger the loader uses. */
export interface Reporter {
	warn(message: string): void;
	error(message: string): void;
}

/** Errors first, then by file and position, so the output reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
	const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
	return [...diagnostics].sort(
		(a, b) =>
			rank(a) - rank(b) ||
			(a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
			a.line - b.line ||
			a.column - b.column,
	);
}

/** Print each finding on its own line, errors as errors and warnings as warnings. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], reporter: Reporter): void {
	for (const diagnostic of sortDiagnostics(diagnostics)) {
		const line = formatDiagnostic(diagnostic);
		if (diagnostic.severity === 'error') reporter.error(line);
		else reporter.warn(line);
	}
}

/** The message of the error that stops a build: every error, one per line. */
export function buildFailureMessage(diagnostics: readonly Diagnostic[]): string {
	const errors = sortDiagnostics(diagnostics).filter((d) => d.severity === 'error');
	const files = new Set(errors.map((d) => d.file)).size;
	return [
		`${errors.length} error${errors.length === 1 ? '' : 's'} in ${files} spec${files === 1 ? '' : 's'}; no pages were built.`,
		...errors.map(formatDiagnostic),
	].join('\n');
}

/** What to do about a failed build. */
export const BUILD_FAILURE_HINT = 'Fix the errors and build again; `npm run check` lists the same findings with a hint for each.';
