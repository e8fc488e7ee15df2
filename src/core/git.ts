/**
 * What git knows about the specs, from one `git log` over the specs folder (./git-log.ts): each
 * file's creation, status changes, revisions and contributors, and the last commit that changed
 * it, used to warn when a spec changed well after its Last Updated date. Git is optional: outside a
 * repository there is no history, and in a shallow clone (CI's default) history is incomplete, so
 * it is not used; the caller says so once.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, resolve } from 'node:path';
import { promisify } from 'node:util';
import { addDays } from './dates.ts';
import { createDiagnostic } from './diagnostics.ts';
import { gitLogArgs, parseGitLog, type FileHistory } from './git-log.ts';
import type { Diagnostic, Position } from './model.ts';

export type { FileHistory, StatusChange } from './git-log.ts';

/** What git could tell. */
export type GitHistory =
	/** No history: `reason` says why, in a few words (not a git repository, git not installed). */
	| { kind: 'unavailable'; reason: string }
	| { kind: 'shallow' }
	/** File path (relative to the working directory) → its history; files never committed are absent. */
	| { kind: 'history'; files: Map<string, FileHistory> };

const run = (args: readonly string[], cwd: string) =>
	execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1024 * 1024 * 1024 });

/**
 * The one `git log` of readGitHistory(), run in the specs folder, writing to the file `output`
 * (`npm run bench` times this very command). Through a pipe, collecting its tens of megabytes
 * cost Node 0.6 s of CPU for 20,000 commits, more than parsing them; from a file, one read.
 */
export function historyLogArgs({ statuses }: { statuses: boolean }, output: string): string[] {
	return [...gitLogArgs({ statuses }), `--output=${output}`, '--', '.'];
}

/** Where `dir` stands in git: no history to read, or the folder to run git log in and its path in the repository. */
function locate(dir: string, cwd: string): Exclude<GitHistory, { kind: 'history' }> | { kind: 'repository'; folder: string; prefix: string } {
	const folder = resolve(cwd, dir);
	try {
		const [shallow = '', prefix = ''] = run(['rev-parse', '--is-shallow-repository', '--show-prefix'], folder).split('\n');
		return shallow.trim() === 'true' ? { kind: 'shallow' } : { kind: 'repository', folder, prefix };
	} catch (error) {
		const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
		return { kind: 'unavailable', reason: missing ? 'git is not installed' : `${dir} is not in a git repository` };
	}
}

/**
 * The history of every file in `dir` (relative to `cwd`), from the repository that holds `dir`
 * (which may not be the site's): one `git rev-parse`, then one `git log` for the whole folder.
 * Without `statuses` (the stale check alone needs none), the log carries no patches and each
 * file's status history stays empty. git writes to a file, so it never waits on this thread
 * while it is busy (the content loader analyses the specs meanwhile); only the parsing runs here.
 */
export async function readGitHistory(dir: string, cwd: string, { statuses = true }: { statuses?: boolean } = {}): Promise<GitHistory> {
	const place = locate(dir, cwd);
	if (place.kind !== 'repository') return place;
	const folder = mkdtempSync(join(tmpdir(), 'specbook-git-'));
	const output = join(folder, 'log');
	let log = '';
	try {
		await promisify(execFile)('git', historyLogArgs({ statuses }, output), { cwd: place.folder });
		log = readFileSync(output, 'utf8');
	} catch {
		// A repository without commits yet.
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
	const files = new Map<string, FileHistory>();
	for (const [path, history] of parseGitLog(log)) {
		if (path.startsWith(place.prefix)) files.set(posix.join(dir, path.slice(place.prefix.length)), history);
	}
	return { kind: 'history', files };
}

/** The root (absolute) of the git repository that holds `folder` (absolute), or undefined outside git. */
export function gitRoot(folder: string): string | undefined {
	try {
		return run(['rev-parse', '--show-toplevel'], folder).trim() || undefined;
	} catch {
		return undefined;
	}
}

/** Why there is no history, in one sentence for the build log or the CLI; undefined when there is. */
export function gitHistoryNote(git: GitHistory): string | undefined {
	if (git.kind === 'shallow') return 'shallow git clone: spec history (created, status changes, revisions) and the Last Updated vs git check are skipped; fetch the full history (fetch-depth: 0) to get them.';
	if (git.kind === 'unavailable') return `no git history: ${git.reason}, so specs show no created date, status changes or revisions.`;
	return undefined;
}

/** A spec whose file was committed more than a day after its Last Updated date. */
export function gitStaleness(
	file: string,
	lastUpdated: string,
	lastUpdatedPosition: Position,
	history: GitHistory
): Diagnostic | undefined {
	if (history.kind !== 'history') return undefined;
	const changed = history.files.get(file)?.lastModified;
	if (!changed || changed.date <= addDays(lastUpdated, 1)) return undefined;
	return createDiagnostic('git-stale', file, lastUpdatedPosition, { lastUpdated, changed: changed.date, commit: changed.commit.slice(0, 12) });
}

/** What git says about one file: who added it (first commit's author) and when it last changed. */
export interface FileCommits {
	firstAuthor: string | undefined;
	lastDate: string | undefined;
}

/**
 * The author of the commit that added `path` and the date of its last commit (renames followed),
 * for `npm run import`'s fallbacks; both undefined outside git or for a file never committed.
 */
export function fileCommits(path: string, cwd: string): FileCommits {
	// Asked in the file's own folder: a doc may come from another repository than the working directory's.
	const file = resolve(cwd, path);
	try {
		const log = run(['log', '--follow', '--format=%aN%x00%cs', '--', basename(file)], dirname(file)).trim().split('\n').filter(Boolean);
		const [newest, oldest] = [log[0], log[log.length - 1]];
		return { firstAuthor: oldest?.split('\0')[0] || undefined, lastDate: newest?.split('\0')[1] || undefined };
	} catch {
		return { firstAuthor: undefined, lastDate: undefined };
	}
}
