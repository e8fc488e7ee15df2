/**
 * Small git repositories for tests, made commit by commit with fixed author and committer dates,
 * so the history a build reads from them is the same on every run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One commit: files written (text) or deleted (null), then moves (`git mv`), by `author` on `date`. */
export interface FixtureCommit {
	/** YYYY-MM-DD: the author and committer date (noon UTC). */
	date: string;
	author: string;
	files?: Record<string, string | null>;
	moves?: [from: string, to: string][];
}

/** The e-mail address fixture commits carry for `author` (`Ana Lima` → `ana.lima@example.com`). */
export function authorEmail(author: string): string {
	return `${author.toLowerCase().replace(/\W+/gu, '.')}@example.com`;
}

/** An environment for git in `cwd` as `author` on `date`, with no user or system settings in the way. */
export function gitEnv(cwd: string, { author = 'Test', date = '2026-01-01' } = {}): NodeJS.ProcessEnv {
	const email = authorEmail(author);
	const stamp = `${date}T12:00:00Z`;
	return {
		PATH: process.env['PATH'],
		HOME: cwd,
		GIT_CONFIG_NOSYSTEM: '1',
		GIT_AUTHOR_NAME: author,
		GIT_AUTHOR_EMAIL: email,
		GIT_COMMITTER_NAME: author,
		GIT_COMMITTER_EMAIL: email,
		GIT_AUTHOR_DATE: stamp,
		GIT_COMMITTER_DATE: stamp,
	};
}

/** Runs git in `cwd` as `author` on `date` (see gitEnv). */
export function git(cwd: string, args: string[], { author = 'Test', date = '2026-01-01' } = {}): string {
	return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
		cwd,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		env: gitEnv(cwd, { author, date }),
		maxBuffer: 256 * 2 ** 20,
	});
}

/** Makes `dir` a repository holding `commits`, oldest first; returns the sha of each commit. */
export function makeGitRepo(dir: string, commits: readonly FixtureCommit[]): string[] {
	mkdirSync(dir, { recursive: true });
	git(dir, ['init', '-q']);
	return commits.map((commit, index) => {
		for (const [path, text] of Object.entries(commit.files ?? {})) {
			if (text === null) rmSync(join(dir, path));
			else {
				mkdirSync(dirname(join(dir, path)), { recursive: true });
				writeFileSync(join(dir, path), text);
			}
		}
		for (const [from, to] of commit.moves ?? []) {
			mkdirSync(dirname(join(dir, to)), { recursive: true });
			git(dir, ['mv', from, to]);
		}
		git(dir, ['add', '-A']);
		git(dir, ['commit', '-q', '--allow-empty', '-m', `commit ${index + 1}`], commit);
		return git(dir, ['rev-parse', 'HEAD']).trim();
	});
}
