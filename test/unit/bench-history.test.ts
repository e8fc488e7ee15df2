import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSpecs } from '../../bench/generate.ts';
import { planHistory, writeHistoryRepo, type SpecLife } from '../../bench/history.ts';
import { readGitHistory } from '../../src/core/index.ts';
import { parseStatus } from '../../src/core/values.ts';
import { git } from '../helpers/git-repo.ts';

const TODAY = '2026-11-26';
const SPECS = 5;
const COMMITS = 4;

let repo: string;
let lives: SpecLife[];
let commits: number;

beforeAll(async () => {
	repo = mkdtempSync(join(tmpdir(), 'specbook-bench-history-'));
	lives = planHistory(generateSpecs(SPECS, { seed: 1, today: TODAY }), { commitsPerSpec: COMMITS, today: TODAY });
	commits = await writeHistoryRepo(repo, 'specs', lives);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** Each commit of the file now at `specs/<path>`, oldest first, renames followed: sha, date, author, and how it touched the file. */
function fileLog(path: string) {
	// Not --reverse: git follows renames only walking from the newest commit.
	const out = git(repo, ['log', '--follow', '-M', '--format=%x01%H %cs %aN', '--name-status', '--', `specs/${path}`]);
	return out
		.split('\x01')
		.filter(Boolean)
		.map((entry) => {
			const [head = '', ...changes] = entry.trim().split('\n');
			const [sha = '', date = '', ...author] = head.split(' ');
			const [kind = '', ...paths] = changes.find((line) => line.trim())!.split('\t');
			return { sha, date, author: author.join(' '), kind, paths };
		})
		.reverse();
}

/** The Status line's value of `specs/<path>` as committed in `sha`. */
function statusAt(sha: string, path: string): string {
	return /\*\*Status(?:\*\*:|:\*\*) (.*)$/mu.exec(git(repo, ['show', `${sha}:specs/${path}`]))![1]!;
}

describe('bench history repository generator', () => {
	it('is the same plan for the same seed and dates', () => {
		expect(planHistory(generateSpecs(SPECS, { seed: 1, today: TODAY }), { commitsPerSpec: COMMITS, today: TODAY })).toEqual(lives);
	});

	it('has the commits it claims, with their fixed dates and authors, and ends with the generated specs', () => {
		expect(commits).toBe(SPECS * COMMITS);
		expect(git(repo, ['rev-list', '--count', 'HEAD']).trim()).toBe(String(SPECS * COMMITS));
		for (const life of lives) {
			const log = fileLog(life.spec.path);
			expect(log.map(({ date, author }) => ({ date, author }))).toEqual(life.commits.map(({ date, author }) => ({ date, author })));
			expect(readFileSync(join(repo, 'specs', life.spec.path), 'utf8')).toBe(life.spec.source);
			// Over the two years before today, the last one on the spec's Last Updated date.
			expect(life.commits[0]!.date >= '2024-11-26').toBe(true);
			expect(life.commits.at(-1)!.date).toBe(life.spec.lastUpdated);
		}
		expect(git(repo, ['status', '--porcelain'])).toBe('');
	});

	it('has the moves between folders it claims, as renames git detects', () => {
		const moves = lives.flatMap((life) => life.commits.filter((commit) => commit.movedFrom).map((commit) => [`specs/${commit.movedFrom}`, `specs/${commit.path}`]));
		expect(moves.length).toBeGreaterThan(0);
		const renames = lives.flatMap((life) => fileLog(life.spec.path).filter((entry) => entry.kind.startsWith('R')));
		expect(renames.map((entry) => entry.kind)).toEqual(moves.map(() => 'R100'));
		expect(renames.map((entry) => entry.paths)).toEqual(moves);
		for (const [from, to] of moves) expect(from!.split('/').slice(0, -1)).not.toEqual(to!.split('/').slice(0, -1));
	});

	it('has the status changes it claims, in the files themselves and as Specbook reads them', async () => {
		expect(lives.some((life) => life.history.length > 1)).toBe(true);
		const read = await readGitHistory('specs', repo);
		if (read.kind !== 'history') throw new Error(`no history: ${read.kind}`);
		for (const life of lives) {
			const log = fileLog(life.spec.path);
			const written = log.map((entry, index) => statusAt(entry.sha, life.commits[index]!.path));
			expect(written).toEqual(life.commits.map((commit) => commit.status));
			// Real changes only: a spelling-only change is none.
			const changes = log.filter((_, index) => index === 0 || parseStatus(written[index]!) !== parseStatus(written[index - 1]!));
			expect(changes.map((entry) => ({ date: entry.date, status: parseStatus(written[log.indexOf(entry)]!) }))).toEqual(life.history);
			expect(read.files.get(`specs/${life.spec.path}`)?.history.map(({ date, status }) => ({ date, status }))).toEqual(life.history);
		}
	});
});
