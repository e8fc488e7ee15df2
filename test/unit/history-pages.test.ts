/** What the pages show of a spec's git history: the summary line, the changes list, the review queue. */
import { describe, expect, test } from 'vitest';
import type { StatusChange } from '../../src/core/model.ts';
import { specRecord } from '../helpers/spec-record.ts';
import { byTimeInStatus, changeText, commitUrl, historySummary, statusChanges } from '../../src/site/history.ts';
import { statusIndexList, type ListSortKey } from '../../src/site/list-sort.ts';
import { sortOrder } from '../../src/site/table-sort.ts';

const sha = (digit: string) => digit.repeat(40);
const change = (date: string, status: StatusChange['status'], digit: string): StatusChange => ({ date, status, commit: sha(digit) });

const spec = specRecord;

describe('the history line', () => {
	test('says when the spec was created, since when it has its status, and how many revisions', () => {
		const retry = spec('retry', { status: 'In Review', created: '2026-01-05', statusSince: '2026-02-10', revisions: 7 });
		expect(historySummary(retry, '2026-03-05').join(' · ')).toBe('Created 2026-01-05 · In Review since 2026-02-10 (23 days) · 7 revisions');
	});

	test('is empty without history, and leaves out a status change not committed yet', () => {
		expect(historySummary(spec('x'), '2026-03-05')).toEqual([]);
		expect(historySummary(spec('x', { created: '2026-01-05', statusSince: null, revisions: 1 }), '2026-03-05')).toEqual(['Created 2026-01-05', '1 revision']);
	});

	test('links a commit only when repoUrl is set', () => {
		expect(commitUrl('https://github.com/acme/specs/', sha('a'))).toBe(`https://github.com/acme/specs/commit/${sha('a')}`);
		expect(commitUrl(undefined, sha('a'))).toBeUndefined();
	});
});

describe('/changes/', () => {
	test('lists every status change across specs, newest first, each with the status before it', () => {
		const specs = [
			spec('retry', { feature: 'Retry policy v2', status: 'Approved', history: [change('2026-01-05', 'Draft', '1'), change('2026-02-10', 'In Review', '2'), change('2026-03-01', 'Approved', '3')] }),
			spec('ledger', { feature: 'Ledger', history: [change('2026-02-20', 'Draft', '4')] }),
		];
		expect(statusChanges(specs).map((item) => `${item.date} · ${item.feature} · ${changeText(item)}`)).toEqual([
			'2026-03-01 · Retry policy v2 · In Review → Approved',
			'2026-02-20 · Ledger · added as Draft',
			'2026-02-10 · Retry policy v2 · Draft → In Review',
			'2026-01-05 · Retry policy v2 · added as Draft',
		]);
		expect(statusChanges(specs, 1)).toHaveLength(1);
	});
});

describe('status indexes', () => {
	test('put the longest in their status first, specs without a dated status last', () => {
		const specs = [spec('new', { statusSince: '2026-03-01' }), spec('undated'), spec('old', { statusSince: '2026-01-10' })];
		expect(byTimeInStatus(specs).map((s) => s.id)).toEqual(['old', 'new', 'undated']);
	});
});

describe('the sort control of a status index', () => {
	/** The ids in the order the list's script gives for `key`, starting from the server's order. */
	function sortedBy(list: ReturnType<typeof statusIndexList<ReturnType<typeof spec>>>, key: ListSortKey): string[] {
		const sort = list.sorts.find((candidate) => candidate.key === key)!;
		return sortOrder(list.items.map((item) => item.keys[key] ?? ''), sort.type, sort.direction).map((index) => list.items[index]!.spec.id);
	}

	// Given newest first, as specsWithStatus gives them.
	const reviewed = [
		spec('refunds', { feature: 'Refunds', lastUpdated: '2026-03-20', statusSince: '2026-03-01' }),
		spec('never-committed', { feature: 'Audit log', lastUpdated: '2026-03-10' }),
		spec('ledger', { feature: 'ledger export', lastUpdated: '2026-02-01', statusSince: '2026-01-10' }),
	];

	test('offers time in status (the server order), Last Updated and Feature; specs without a dated status wait last', () => {
		const list = statusIndexList(reviewed, 'In Review');
		expect(list.sorts.map((sort) => `${sort.label}: ${sort.summary}`)).toEqual(['Time in status: longest In Review first', 'Last Updated: most recently updated first', 'Feature: by feature, A to Z']);
		expect(list.initial).toBe('time');
		expect(list.items.map((item) => item.spec.id)).toEqual(['ledger', 'refunds', 'never-committed']);
		expect(sortedBy(list, 'time')).toEqual(['ledger', 'refunds', 'never-committed']);
		expect(sortedBy(list, 'updated')).toEqual(['refunds', 'never-committed', 'ledger']);
		expect(sortedBy(list, 'feature')).toEqual(['never-committed', 'ledger', 'refunds']);
	});

	test('without git history there is no time to sort by: newest first, or by Feature', () => {
		const list = statusIndexList(reviewed.map((item) => ({ ...item, statusSince: null })), 'Draft');
		expect(list.sorts.map((sort) => sort.key)).toEqual(['updated', 'feature']);
		expect(list.initial).toBe('updated');
		expect(list.items.map((item) => item.spec.id)).toEqual(['refunds', 'never-committed', 'ledger']);
		expect(list.items[0]!.keys).toEqual({ updated: '2026-03-20', feature: 'Refunds' });
	});
});
