/**
 * Rules that need every spec at once: unique ids and features, `supersedes` targets.
 */
import type { FileAnalysis } from './analyze.ts';
import { createDiagnostic } from './diagnostics.ts';
import type { Diagnostic } from './model.ts';

/** One analysed file with its id, in path order. */
export interface AnalyzedEntry {
	path: string;
	id: string;
	analysis: FileAnalysis;
}

/** Cross-spec diagnostics; the later path (in sort order) gets the error and names the earlier file. */
export function crossSpecDiagnostics(entries: readonly AnalyzedEntry[]): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	const ids = new Map<string, string>();
	const features = new Map<string, string>();
	for (const { path, id, analysis } of entries) {
		const sameId = ids.get(id);
		if (sameId !== undefined) diagnostics.push(createDiagnostic('id-duplicate', path, { line: 1, column: 1 }, { id, other: sameId }));
		else ids.set(id, path);

		const spec = analysis.spec;
		if (!spec) continue;
		const key = spec.feature.toLowerCase().replace(/\s+/gu, ' ');
		const sameFeature = features.get(key);
		if (sameFeature !== undefined) {
			diagnostics.push(createDiagnostic('feature-duplicate', path, analysis.featurePosition, { feature: spec.feature, other: sameFeature }));
		} else features.set(key, path);
	}
	for (const { path, id, analysis } of entries) {
		analysis.spec?.supersedes.forEach((target, index) => {
			if (ids.has(target) && target !== id) return;
			diagnostics.push(createDiagnostic('supersedes-unknown', path, analysis.supersedesPositions[index] ?? { line: 1, column: 1 }, { id: target }));
		});
	}
	return diagnostics;
}
