/**
 * The `history` fixture: a git repository made in a temp folder with fixed-date commits (status
 * changes with edits between them, a rename into another folder, a spelling-only change, a status
 * changed back, a file added then deleted, an unpublished `_draft.md`, a second spec in review,
 * files that are not specs) and one spec never committed, which links to those files. Returns its
 * specs folder, a subfolder of the repository.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeGitRepo } from './git-repo.ts';
import { buildSpec } from './spec-builder.ts';

const spec = (feature: string, status: string, context = 'Retries are ad hoc today.', lastUpdated = '2026-11-20') => buildSpec({ feature, status, lastUpdated, values: { Context: context } });

export const ANA = 'Ana Lima';
export const REPOSITORY_LINKS = 'See [the README](../README.md), [the retry code](../src/retry.ts#L1) and [ADR 1](../docs/adr/0001-queues.md).';
export const BO = 'Bo Chen';

export function historyRepo(): string {
	const repo = mkdtempSync(join(tmpdir(), 'specbook-history-'));
	makeGitRepo(repo, [
		{ date: '2026-01-05', author: ANA, files: { 'specs/payments/retry-v2.md': spec('Retry policy v2', 'Draft'), 'specs/old-ledger.md': spec('Ledger export', 'Draft'), 'specs/gone.md': spec('Gone', 'Draft'), 'specs/_draft.md': spec('Unpublished', 'Draft'), 'README.md': 'Specs.\n', 'src/retry.ts': 'export const attempts = 3;\n', 'docs/adr/0001-queues.md': '# Use a queue\n' } },
		{ date: '2026-01-20', author: BO, files: { 'specs/payments/retry-v2.md': spec('Retry policy v2', 'Draft', 'Retries are ad hoc and costly.') } },
		{ date: '2026-02-01', author: ANA, moves: [['specs/old-ledger.md', 'specs/ledger/export.md']], files: { 'specs/gone.md': null } },
		{ date: '2026-02-10', author: ANA, files: { 'specs/payments/retry-v2.md': spec('Retry policy v2', 'In Review', 'Retries are ad hoc and costly.') } },
		{ date: '2026-02-12', author: BO, files: { 'specs/ledger/export.md': spec('Ledger export', 'in review') } },
		{ date: '2026-02-15', author: BO, files: { 'specs/ledger/export.md': spec('Ledger export', 'In Review') } },
		{ date: '2026-03-01', author: BO, files: { 'specs/payments/retry-v2.md': spec('Retry policy v2', 'Approved', 'Retries are ad hoc and costly.') } },
		{ date: '2026-04-01', author: ANA, files: { 'specs/ledger/export.md': spec('Ledger export', 'Approved') } },
		{ date: '2026-05-01', author: ANA, files: { 'specs/ledger/export.md': spec('Ledger export', 'In Review', 'Reopened: the bank changed its format.') } },
		// In review for less time than the ledger, though updated more recently.
		{ date: '2026-06-01', author: BO, files: { 'specs/payments/refunds.md': spec('Refunds', 'In Review', 'Refunds are manual.', '2026-11-25') } },
	]);
	// Links to repository files that are not specs: the site sends them to the host.
	writeFileSync(join(repo, 'specs/uncommitted.md'), spec('Uncommitted', 'Draft', REPOSITORY_LINKS));
	return join(repo, 'specs');
}
