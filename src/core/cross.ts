/**
 * Rules that need every spec at once: unique ids and features, `supersedes` targets, links
 * between specs.
 */
import { existsSync } from 'node:fs';
import type { FileAnalysis } from './analyze.ts';
import { createDiagnostic } from './diagnostics.ts';
import { pathInSpecsDir, resolveLink } from './links.ts';
import type { Diagnostic } from './model.ts';

/** One analysed file with its id, in path order. */
export interface AnalyzedEntry {
	path: string;
	id: string;
	analysis: FileAnalysis;
}

/** Cross-spec diagnostics; the later path (in sort order) gets the error and names the earlier file. */
export function crossSpecDiagnostics(entries: readonly AnalyzedEntry[], options: LinkCheckOptions): Diagnostic[] {
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
	diagnostics.push(...linkDiagnostics(entries, options));
	return diagnostics;
}

/** What the link checks need to know beyond the analysed files. */
export interface LinkCheckOptions {
	/** The specs folder, relative to the working directory. */
	specsDir: string;
	/** Whether a path (relative to the working directory) exists; defaults to the file system. */
	fileExists?: (path: string) => boolean;
}

/** Links to other specs and files: the target must exist and be published, and an anchor must name a heading. */
function linkDiagnostics(entries: readonly AnalyzedEntry[], options: LinkCheckOptions): Diagnostic[] {
	const exists = options.fileExists ?? existsSync;
	const byPath = new Map(entries.map((entry) => [entry.path, entry]));
	const diagnostics: Diagnostic[] = [];
	for (const { path, analysis } of entries) {
		for (const link of analysis.links) {
			const target = resolveLink(path, link.url);
			if (target.kind !== 'spec' && target.kind !== 'file') continue;
			const broken = (reason: string) => diagnostics.push(createDiagnostic('link-broken', path, link.position, { url: link.url, reason }));
			const linked = target.kind === 'spec' ? byPath.get(target.path) : undefined;
			if (target.kind === 'spec' && pathInSpecsDir(target.path, options.specsDir) !== undefined) {
				if (linked) {
					if (target.anchor && !linked.analysis.headingIds.has(target.anchor)) {
						diagnostics.push(createDiagnostic('link-anchor', path, link.position, { url: link.url, anchor: target.anchor }));
					}
				} else if (exists(target.path)) broken(`points to ${target.path}, which is not published (names starting with _ or . are not)`);
				else broken(`points to ${target.path}, which does not exist`);
			} else if (!exists(target.path)) broken(`points to ${target.path}, which does not exist`);
		}
	}
	return diagnostics;
}
