/** What the pages show of a spec's git history: the summary line, the changes list, the review queue. */
import { describe, expect, test } from 'vitest';
import type { StatusChange } from '../../src/core/model.ts';
import { specRecord } from '../helpers/spec-record.ts';
import { byTimeInStatus, changeText, commitUrl, historySummary, statusChanges } from '../../src/site/history.ts';

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
