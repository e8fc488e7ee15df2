/**
 * Output formats of `npm run check`, behind one small interface: text for people, json for tools,
 * github for inline annotations on a pull request's diff.
 */
import type { Fix } from '../core/fix.ts';
import { formatDiagnostic, type Diagnostic } from '../core/index.ts';
import { showForbiddenCharacters } from '../core/text.ts';

/** What a run found. */
export interface CheckReport {
	diagnostics: Diagnostic[];
	/** Number of files checked. */
	fileCount: number;
	/** With `--fix`: what was changed, per file (only files that changed). */
	fixes?: FileFix[];
}

/** The fixes `--fix` wrote into one file. */
export interface FileFix {
	/** Path relative to the working directory, as diagnostics name it. */
	file: string;
	fixes: Fix[];
}

export type Reporter = (report: CheckReport) => string;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One-line summary: `2 errors and 1 warning in 1 file (12 specs checked)`. */
export function summarize({ diagnostics, fileCount }: CheckReport): string {
	const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
	const warnings = diagnostics.length - errors;
	const files = new Set(diagnostics.map((diagnostic) => diagnostic.file)).size;
	const checked = `${plural(fileCount, 'spec')} checked`;
	if (diagnostics.length === 0) return `✔ ${checked}: no problems.`;
	return `${errors ? '✖' : '⚠'} ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')} (${checked}).`;
}

/** `specs/x.md:12:4: fixed label-typo "Problem Statment" → "Problem Statement"`, one line per fix, then their count. */
function fixLines(fixes: readonly FileFix[] | undefined): string[] {
	if (!fixes) return [];
	const lines = fixes.flatMap(({ file, fixes: list }) =>
		list.map(({ line, column, code, from, to }) => showForbiddenCharacters(`${file}:${line}:${column}: fixed ${code} "${from}" → "${to}"`))
	);
	const count = fixes.reduce((total, { fixes: list }) => total + list.length, 0);
	return [...lines, count ? `Fixed ${plural(count, 'problem')} in ${plural(fixes.length, 'file')}.` : 'Nothing to fix.'];
}

// A message may quote what the author wrote: its escape codes must not reach the terminal.
export const textReporter: Reporter = (report) =>
	[
		...fixLines(report.fixes),
		...report.diagnostics.flatMap((diagnostic) => [
			showForbiddenCharacters(formatDiagnostic(diagnostic)),
			...(diagnostic.hint ? [`    hint: ${showForbiddenCharacters(diagnostic.hint)}`] : []),
		]),
		summarize(report),
	].join('\n');

export const jsonReporter: Reporter = ({ diagnostics, fixes }) =>
	JSON.stringify(
		{
			diagnostics: diagnostics.map(({ file, line, column, severity, code, message, hint }) =>
				hint === undefined ? { file, line, column, severity, code, message } : { file, line, column, severity, code, message, hint }
			),
			// With --fix: one entry per change made, located like a diagnostic.
			...(fixes ? { fixes: fixes.flatMap(({ file, fixes: list }) => list.map(({ line, column, code, from, to }) => ({ file, line, column, code, from, to }))) } : {}),
		},
		null,
		2
	);

// Workflow commands escape these characters (actions/toolkit's command.ts).
const escapeData = (text: string) => text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

export const githubReporter: Reporter = (report) =>
	[
		...fixLines(report.fixes),
		...report.diagnostics.map(({ file, line, column, severity, code, message, hint }) => {
			const properties = `file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(code)}`;
			return `::${severity} ${properties}::${escapeData(showForbiddenCharacters(hint ? `${message}\n${hint}` : message))}`;
		}),
		summarize(report),
	].join('\n');

export const REPORTERS = { text: textReporter, json: jsonReporter, github: githubReporter } as const;
export type ReporterName = keyof typeof REPORTERS;
