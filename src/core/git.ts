/**
 * What git knows about the specs: the last commit that touched each file. Used to warn when a spec
 * changed well after its Last Updated date. Git is optional: outside a repository the check is
 * simply off, and in a shallow clone (CI's default) history is incomplete, so the check is
 * skipped and the caller says so once.
 */
import { execFileSync } from 'node:child_process';
import { addDays } from './dates.ts';
import { createDiagnostic } from './diagnostics.ts';
import type { Diagnostic, Position } from './model.ts';

/** What git could tell. */
export type GitHistory =
	| { kind: 'unavailable' }
	| { kind: 'shallow' }
	/** File path (relative to the working directory) → date of the last commit that modified it (YYYY-MM-DD). */
	| { kind: 'history'; lastChanged: Map<string, string> };

const run = (args: string[], cwd: string) =>
	execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });

/** One `git log` over the folder: the newest commit that modified each file in it. */
export function readGitHistory(dir: string, cwd: string): GitHistory {
	try {
		if (run(['rev-parse', '--is-inside-work-tree'], cwd).trim() !== 'true') return { kind: 'unavailable' };
		if (run(['rev-parse', '--is-shallow-repository'], cwd).trim() === 'true') return { kind: 'shallow' };
		// Modifications only: adding a file (say, importing an old spec) is not a change to its content.
		const log = run(['log', '--relative', '--diff-filter=M', '--format=%x00%cs', '--name-only', '--no-renames', '--', dir], cwd);
		const lastChanged = new Map<string, string>();
		let date = '';
		for (const line of log.split('\n')) {
			if (line.startsWith('\0')) date = line.slice(1);
			else if (line && !lastChanged.has(line)) lastChanged.set(line, date);
		}
		return { kind: 'history', lastChanged };
	} catch {
		return { kind: 'unavailable' };
	}
}

/** A spec whose file was committed more than a day after its Last Updated date. */
export function gitStaleness(
	file: string,
	lastUpdated: string,
	lastUpdatedPosition: Position,
	history: GitHistory
): Diagnostic | undefined {
	if (history.kind !== 'history') return undefined;
	const changed = history.lastChanged.get(file);
	if (!changed || changed <= addDays(lastUpdated, 1)) return undefined;
	return createDiagnostic('git-stale', file, lastUpdatedPosition, { lastUpdated, changed });
}
