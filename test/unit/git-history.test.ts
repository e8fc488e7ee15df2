/**
 * A spec's life from git: fixture repositories made with fixed dates, read in one pass, and the
 * history fields every published spec gets from them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSpecs, readGitHistory, readSpecFiles, type GitHistory } from '../../src/core/index.ts';
import { git, makeGitRepo } from '../helpers/git-repo.ts';
import { buildSpec } from '../helpers/spec-builder.ts';

const ANA = 'Ana Lima';
const BO = 'Bo Chen';
const spec = (feature: string, status: string, context = 'Retries are ad hoc today.') => buildSpec({ feature, status, lastUpdated: '2026-01-05', values: { Context: context } });

let repo: string;
let shas: string[];

beforeAll(() => {
	repo = mkdtempSync(join(tmpdir(), 'specbook-git-'));
	shas = makeGitRepo(repo, [
		{ date: '2026-01-05', author: ANA, files: { 'specs/retry.md': spec('Retry', 'Draft'), 'specs/old-name.md': spec('Ledger', 'Draft'), 'specs/_draft.md': spec('Unpublished', 'Draft'), 'README.md': 'Specs.\n' } },
		{ date: '2026-01-10', author: BO, files: { 'specs/retry.md': spec('Retry', 'Draft', 'Retries are ad hoc, and costly.') } },
		{ date: '2026-01-20', author: ANA, moves: [['specs/old-name.md', 'specs/ledger/export.md']] },
		{ date: '2026-02-10', author: ANA, files: { 'specs/retry.md': spec('Retry', 'In Review', 'Retries are ad hoc, and costly.'), 'specs/gone.md': spec('Gone', 'Draft') } },
		{ date: '2026-02-12', author: BO, files: { 'specs/ledger/export.md': spec('Ledger', 'in review'), 'specs/gone.md': null } },
		{ date: '2026-02-15', author: ANA, files: { 'specs/retry.md': spec('Retry', 'In Review', 'Retries are ad hoc, costly and unbounded.'), 'specs/ledger/export.md': spec('Ledger', 'In Review') } },
		{ date: '2026-03-01', author: BO, files: { 'specs/retry.md': spec('Retry', 'Approved', 'Retries are ad hoc, costly and unbounded.'), 'specs/ledger/export.md': spec('Ledger', 'Approved') } },
		{ date: '2026-03-09', author: ANA, files: { 'specs/ledger/export.md': spec('Ledger', 'In Review', 'Reopened: the bank changed its format.') } },
	]);
});

async function specsOf(cwd: string, history: GitHistory) {
	const files = await readSpecFiles('specs', { cwd });
	return analyzeSpecs(files, { specsDir: 'specs', today: '2026-03-24', fileExists: () => false, git: history });
}

describe('one pass over the history of the specs folder', () => {
	test('Draft → In Review → Approved, with edits in between that add no entry', async () => {
		const { specs } = await specsOf(repo, await readGitHistory('specs', repo));
		const retry = specs.find((s) => s.id === 'retry')!;
		expect(retry.created).toBe('2026-01-05');
		expect(retry.history).toEqual([
			{ date: '2026-01-05', status: 'Draft', commit: shas[0] },
			{ date: '2026-02-10', status: 'In Review', commit: shas[3] },
			{ date: '2026-03-01', status: 'Approved', commit: shas[6] },
		]);
		expect(retry.statusSince).toBe('2026-03-01');
		expect(retry.revisions).toBe(5);
		// Ana three commits, Bo two.
		expect(retry.contributors).toEqual([ANA, BO]);
	});

	test('a spec renamed and moved to another folder keeps its history; a spelling-only change is no transition; a status changed back is one', async () => {
		const { specs } = await specsOf(repo, await readGitHistory('specs', repo));
		const ledger = specs.find((s) => s.id === 'ledger/export')!;
		expect(ledger.created).toBe('2026-01-05');
		expect(ledger.history.map(({ date, status }) => `${date} ${status}`)).toEqual(['2026-01-05 Draft', '2026-02-12 In Review', '2026-03-01 Approved', '2026-03-09 In Review']);
		expect(ledger.statusSince).toBe('2026-03-09');
		// Added, moved, and four edits.
		expect(ledger.revisions).toBe(6);
		expect(ledger.contributors).toEqual([ANA, BO]);
		expect(specs.map((s) => s.id)).not.toContain('old-name');
	});

	test('a file added and deleted, and an unpublished _draft.md, give no spec', async () => {
		const history = await readGitHistory('specs', repo);
		const { specs } = await specsOf(repo, history);
		expect(specs.map((s) => s.id)).toEqual(['ledger/export', 'retry']);
		expect(history.kind === 'history' && [...history.files.keys()].sort()).toEqual(['specs/_draft.md', 'specs/ledger/export.md', 'specs/retry.md']);
	});

	test('the Last Updated warning names the commit that changed the file', async () => {
		const { diagnostics } = await specsOf(repo, await readGitHistory('specs', repo));
		const stale = diagnostics.filter((d) => d.code === 'git-stale' && d.file === 'specs/retry.md');
		expect(stale.map((d) => d.message)).toEqual([`Last Updated says 2026-01-05, but git shows a change on 2026-03-01 (commit ${shas[6]!.slice(0, 12)}).`]);
	});

	test('without statuses (what check reads for the stale check): the same files, dates, revisions and authors, no patches read', async () => {
		const full = await readGitHistory('specs', repo);
		const light = await readGitHistory('specs', repo, { statuses: false });
		if (full.kind !== 'history' || light.kind !== 'history') throw new Error('no history');
		expect([...light.files.keys()].sort()).toEqual([...full.files.keys()].sort());
		for (const [path, history] of full.files) expect(light.files.get(path), path).toEqual({ ...history, history: [] });
		// The move alone is no change of content: the ledger's last change is its last edit, not the move.
		expect(light.files.get('specs/ledger/export.md')?.lastModified?.date).toBe('2026-03-09');
	});

	test('paths are relative to the working directory when the repository is elsewhere', async () => {
		const elsewhere = relative(tmpdir(), join(repo, 'specs'));
		const history = await readGitHistory(elsewhere, tmpdir());
		expect(history.kind === 'history' && history.files.get(`${elsewhere}/retry.md`)?.revisions).toBe(5);
		const inside = await readGitHistory('.', join(repo, 'specs'));
		expect(inside.kind === 'history' && inside.files.get('retry.md')?.created).toBe('2026-01-05');
	});
});

describe('no history', () => {
	test('a shallow clone has none, and says so', async () => {
		const clone = join(mkdtempSync(join(tmpdir(), 'specbook-shallow-')), 'clone');
		git(repo, ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
		const history = await readGitHistory('specs', clone);
		expect(history.kind).toBe('shallow');
		const { specs } = await specsOf(clone, history);
		expect(specs.find((s) => s.id === 'retry')).toMatchObject({ created: null, statusSince: null, revisions: 0, contributors: [], history: [] });
	});

	test('outside a git repository there is none, and the reason names the folder', async () => {
		const plain = mkdtempSync(join(tmpdir(), 'specbook-plain-'));
		makeGitRepo(join(plain, 'unused'), []);
		const { mkdirSync, writeFileSync } = await import('node:fs');
		mkdirSync(join(plain, 'specs'));
		writeFileSync(join(plain, 'specs/retry.md'), spec('Retry', 'Draft'));
		const history = await readGitHistory('specs', plain);
		expect(history).toEqual({ kind: 'unavailable', reason: 'specs is not in a git repository' });
		const { specs } = await specsOf(plain, history);
		expect(specs[0]).toMatchObject({ created: null, statusSince: null, revisions: 0, contributors: [], history: [] });
	});

	test('an uncommitted file has none, and an uncommitted Status change has no date', async () => {
		const { writeFileSync } = await import('node:fs');
		const work = mkdtempSync(join(tmpdir(), 'specbook-work-'));
		makeGitRepo(work, [{ date: '2026-01-05', author: ANA, files: { 'specs/retry.md': spec('Retry', 'Draft') } }]);
		writeFileSync(join(work, 'specs/new.md'), spec('New', 'Draft'));
		writeFileSync(join(work, 'specs/retry.md'), spec('Retry', 'In Review'));
		const { specs } = await specsOf(work, await readGitHistory('specs', work));
		expect(specs.find((s) => s.id === 'new')).toMatchObject({ created: null, revisions: 0, history: [] });
		expect(specs.find((s) => s.id === 'retry')).toMatchObject({ created: '2026-01-05', statusSince: null, revisions: 1 });
	});
});
