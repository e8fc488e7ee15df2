/**
 * The entries of the diagnostics reference (/guide/diagnostics/), one per code of the DIAGNOSTICS
 * table, in the table's order, with the examples from src/site/guide/diagnostic-examples.ts.
 */
import { DIAGNOSTIC_EXAMPLES, type DiagnosticExample } from './diagnostic-examples.ts';
import { DIAGNOSTICS, diagnosticDocsPath, type DiagnosticCode } from '../../core/diagnostics.ts';
import type { Severity } from '../../core/model.ts';

/** What the reference shows for one code. */
export interface DiagnosticEntry {
	code: DiagnosticCode;
	/** The `id` of the entry's heading: the code in lower case (the anchor `npm run check` links to). */
	anchor: string;
	severity: Severity;
	title: string;
	/** A sample of the message, made from the example's parameters. */
	message: string;
	/** How to fix it (may hold `code` spans). */
	hint: string;
	/** The path `npm run check` names in its hint, e.g. `/guide/diagnostics/#missing-field`. */
	docsPath: string;
	example: DiagnosticExample;
}

export function diagnosticEntries(): DiagnosticEntry[] {
	return (Object.keys(DIAGNOSTICS) as DiagnosticCode[]).map((code) => {
		const kind = DIAGNOSTICS[code];
		const example: DiagnosticExample = DIAGNOSTIC_EXAMPLES[code];
		return {
			code,
			anchor: code.toLowerCase(),
			severity: kind.severity,
			title: kind.title,
			message: (kind.message as (params: unknown) => string)(example.params),
			hint: kind.hint,
			docsPath: diagnosticDocsPath(code),
			example,
		};
	});
}

/**
 * The lines that differ between a wrong and a right example (1-based), to mark them: `removed` in
 * the wrong one, `added` in the right one. A line counts as unchanged when the other example has
 * the same line anywhere, which is enough for snippets of a few lines.
 */
export function changedLines(wrong: string, right: string): { removed: number[]; added: number[] } {
	const only = (lines: string[], other: ReadonlySet<string>) =>
		lines.flatMap((line, index) => (line.trim() !== '' && !other.has(line) ? [index + 1] : []));
	const wrongLines = wrong.split('\n');
	const rightLines = right.split('\n');
	return { removed: only(wrongLines, new Set(rightLines)), added: only(rightLines, new Set(wrongLines)) };
}
