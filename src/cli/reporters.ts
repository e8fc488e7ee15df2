/**
 * Output formats of `npm run check`, behind one small interface: text for people, json for tools,
 * github for inline annotations on a pull request's diff.
 */
import { formatDiagnostic, type Diagnostic } from '../core/index.ts';
import { showForbiddenCharacters } from '../core/text.ts';

/** What a run found. */
export interface CheckReport {
	diagnostics: Diagnostic[];
	/** Number of files checked. */
	fileCount: number;
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

// A message may quote what the author wrote: its escape codes must not reach the terminal.
export const textReporter: Reporter = (report) =>
	[
		...report.diagnostics.flatMap((diagnostic) => [
			showForbiddenCharacters(formatDiagnostic(diagnostic)),
			...(diagnostic.hint ? [`    hint: ${showForbiddenCharacters(diagnostic.hint)}`] : []),
		]),
		summarize(report),
	].join('\n');

export const jsonReporter: Reporter = ({ diagnostics }) =>
	JSON.stringify(
		{
			diagnostics: diagnostics.map(({ file, line, column, severity, code, message, hint }) =>
				hint === undefined ? { file, line, column, severity, code, message } : { file, line, column, severity, code, message, hint }
			),
		},
		null,
		2
	);

// Workflow commands escape these characters (actions/toolkit's command.ts).
const escapeData = (text: string) => text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

export const githubReporter: Reporter = (report) =>
	[
		...report.diagnostics.map(({ file, line, column, severity, code, message, hint }) => {
			const properties = `file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(code)}`;
			return `::${severity} ${properties}::${escapeData(showForbiddenCharacters(hint ? `${message}\n${hint}` : message))}`;
		}),
		summarize(report),
	].join('\n');

export const REPORTERS = { text: textReporter, json: jsonReporter, github: githubReporter } as const;
export type ReporterName = keyof typeof REPORTERS;
