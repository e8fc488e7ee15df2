/**
 * Rules that need every spec at once: unique ids and features, `supersedes` targets, links
 * between specs.
 */
import { existsSync } from 'node:fs';
import type { FileAnalysis } from './analyze.ts';
import { createDiagnostic } from './diagnostics.ts';
import { pathInSpecsDir, resolveLink } from './links.ts';
import type { Diagnostic, Severity } from './model.ts';

/** One analysed file with its id, in path order. */
export interface AnalyzedEntry {
	path: string;
	id: string;
	analysis: FileAnalysis;
}

/**
 * Cross-spec diagnostics, for every file, valid or not: a file with another error still gets its
 * duplicate Feature or unknown `supersedes` in the same run. Of two files that clash, the later
 * path (in sort order) gets the error and names the earlier one, unless only the earlier one is in
 * `focus` (the files `check` was asked about): then it gets it, so checking one file tells.
 */
export function crossSpecDiagnostics(entries: readonly AnalyzedEntry[], options: LinkCheckOptions & { focus?: ReadonlySet<string> }): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	const ids = new Map<string, AnalyzedEntry>();
	const features = new Map<string, AnalyzedEntry>();
	// Which of two clashing entries is told: the later one, unless only the earlier one is in focus.
	const told = (earlier: AnalyzedEntry, later: AnalyzedEntry) => (options.focus?.has(earlier.path) && !options.focus.has(later.path) ? [earlier, later] : [later, earlier]);
	for (const entry of entries) {
		const sameId = ids.get(entry.id);
		if (sameId !== undefined) {
			const [file, other] = told(sameId, entry);
			diagnostics.push(createDiagnostic('id-duplicate', file!.path, { line: 1, column: 1 }, { id: entry.id, other: other!.path }));
		} else ids.set(entry.id, entry);

		const { feature } = entry.analysis;
		if (feature === undefined) continue;
		const key = feature.toLowerCase().replace(/\s+/gu, ' ');
		const sameFeature = features.get(key);
		if (sameFeature !== undefined) {
			const [file, other] = told(sameFeature, entry);
			diagnostics.push(createDiagnostic('feature-duplicate', file!.path, file!.analysis.featurePosition, { feature: file!.analysis.feature!, other: other!.path }));
		} else features.set(key, entry);
	}
	for (const { path, id, analysis } of entries) {
		analysis.supersedes.forEach((target, index) => {
			if (ids.has(target) && target !== id) return;
			diagnostics.push(createDiagnostic('supersedes-unknown', path, analysis.supersedesPositions[index] ?? { line: 1, column: 1 }, { id: target }));
		});
	}
	diagnostics.push(...supersedesCycles(entries, ids));
	diagnostics.push(...linkDiagnostics(entries, options));
	return diagnostics;
}

/**
 * Specs that supersede each other in a circle (A supersedes B supersedes A): each of them is told,
 * at its own `supersedes` entry that leads round the circle.
 */
function supersedesCycles(entries: readonly AnalyzedEntry[], ids: ReadonlyMap<string, AnalyzedEntry>): Diagnostic[] {
	const byId = new Map(entries.map((entry) => [entry.id, entry] as const));
	const next = (id: string) => (byId.get(id)?.analysis.supersedes ?? []).filter((target) => ids.has(target) && target !== id);
	const diagnostics: Diagnostic[] = [];
	for (const component of stronglyConnected([...byId.keys()], next)) {
		if (component.length < 2) continue;
		const members = new Set(component);
		for (const id of component) {
			const cycle = shortestCycle(id, (from) => next(from).filter((target) => members.has(target)));
			const entry = byId.get(id)!;
			const index = entry.analysis.supersedes.indexOf(cycle[1]!);
			diagnostics.push(
				createDiagnostic('supersedes-cycle', entry.path, entry.analysis.supersedesPositions[index] ?? { line: 1, column: 1 }, { cycle: cycle.join(' → ') })
			);
		}
	}
	return diagnostics;
}

/** Tarjan's strongly connected components, without recursion (a chain of specs may be long). */
function stronglyConnected(nodes: readonly string[], next: (node: string) => readonly string[]): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const onStack = new Set<string>();
	const stack: string[] = [];
	const components: string[][] = [];
	for (const root of nodes) {
		if (index.has(root)) continue;
		const work: { node: string; edges: readonly string[]; at: number }[] = [];
		const visit = (node: string) => {
			index.set(node, index.size);
			low.set(node, index.get(node)!);
			stack.push(node);
			onStack.add(node);
			work.push({ node, edges: next(node), at: 0 });
		};
		visit(root);
		while (work.length) {
			const frame = work[work.length - 1]!;
			if (frame.at < frame.edges.length) {
				const target = frame.edges[frame.at++]!;
				if (!index.has(target)) visit(target);
				else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
				continue;
			}
			work.pop();
			const parent = work[work.length - 1];
			if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
			if (low.get(frame.node) === index.get(frame.node)) {
				const component: string[] = [];
				let member: string;
				do {
					member = stack.pop()!;
					onStack.delete(member);
					component.push(member);
				} while (member !== frame.node);
				components.push(component);
			}
		}
	}
	return components;
}

/** The shortest way from `start` back to itself (breadth first), as the list of nodes passed. */
function shortestCycle(start: string, next: (node: string) => readonly string[]): string[] {
	const cameFrom = new Map<string, string>();
	const queue = [start];
	for (let head = 0; head < queue.length; head++) {
		const node = queue[head]!;
		for (const target of next(node)) {
			if (target === start) {
				const path = [start];
				for (let at: string | undefined = node; at !== start && at !== undefined; at = cameFrom.get(at)) path.splice(1, 0, at);
				return [...path, start];
			}
			if (!cameFrom.has(target)) {
				cameFrom.set(target, node);
				queue.push(target);
			}
		}
	}
	return [start, start];
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
			const broken = (reason: string, severity: Severity = 'error') =>
				diagnostics.push(createDiagnostic('link-broken', path, link.position, { url: link.url, reason }, severity));
			// In an imported spec a missing target was missing in its source already: worth fixing, not a failed build.
			const missing = analysis.imported ? 'warning' : 'error';
			const linked = target.kind === 'spec' ? byPath.get(target.path) : undefined;
			if (target.kind === 'spec' && pathInSpecsDir(target.path, options.specsDir) !== undefined) {
				if (linked) {
					if (target.anchor && !linked.analysis.headingIds.has(target.anchor)) {
						diagnostics.push(createDiagnostic('link-anchor', path, link.position, { url: link.url, anchor: target.anchor }));
					}
				} else if (exists(target.path)) broken(`points to ${target.path}, which is not published (names starting with _ or . are not)`);
				else broken(`points to ${target.path}, which does not exist`, missing);
			} else if (!exists(target.path)) broken(`points to ${target.path}, which does not exist`, missing);
		}
	}
	return diagnostics;
}
