/** Which specs are stale: Draft and In Review ones untouched for more than the window. */
import { describe, expect, test } from 'vitest';
import type { Status } from '../../src/core/model.ts';
import { SpecbookConfigSchema } from '../../src/integration/config.ts';
import { specRecord } from '../helpers/spec-record.ts';
import { daysSince, isStale, stalePages, staleSpecs } from '../../src/site/stale.ts';
import { INDEX_PAGE_SIZE } from '../../src/site/index-pages.ts';
import { addDays } from '../../src/core/dates.ts';

const spec = (id: string, status: Status, lastUpdated: string) => specRecord(id, { status, lastUpdated });

const options = { today: '2026-11-26', staleAfterDays: 90 };

describe('stale specs', () => {
	test('the window is 90 days unless configured', () => {
		expect(SpecbookConfigSchema.parse({}).staleAfterDays).toBe(90);
		expect(SpecbookConfigSchema.parse({ staleAfterDays: 30 }).staleAfterDays).toBe(30);
		expect(() => SpecbookConfigSchema.parse({ staleAfterDays: 0 })).toThrow();
	});

	test('counts whole days, across months and leap days', () => {
		expect(daysSince('2026-11-26', '2026-11-26')).toBe(0);
		expect(daysSince('2026-08-28', '2026-11-26')).toBe(90);
		expect(daysSince('2028-02-28', '2028-03-01')).toBe(2);
		expect(daysSince('2026-11-27', '2026-11-26')).toBe(-1);
	});

	test('a Draft or In Review spec is stale after more than the window, not on its last day', () => {
		expect(isStale(spec('a', 'Draft', '2026-08-28'), options)).toBe(false);
		expect(isStale(spec('a', 'Draft', '2026-08-27'), options)).toBe(true);
		expect(isStale(spec('a', 'In Review', '2026-08-27'), options)).toBe(true);
		expect(isStale(spec('a', 'In Review', '2026-08-27'), { ...options, staleAfterDays: 91 })).toBe(false);
	});

	test('an Approved spec is never stale', () => {
		expect(isStale(spec('a', 'Approved', '2020-01-01'), options)).toBe(false);
	});

	test('lists the stale ones longest untouched first', () => {
		const specs = [
			spec('fresh', 'Draft', '2026-11-20'),
			spec('b', 'In Review', '2026-06-01'),
			spec('a', 'Draft', '2026-06-01'),
			spec('old', 'Draft', '2025-01-01'),
			spec('done', 'Approved', '2024-01-01'),
		];
		expect(staleSpecs(specs, options).map((entry) => entry.id)).toEqual(['old', 'a', 'b']);
	});

	test('are shown a page at a time, in that order across the pages, so no page grows with the registry', () => {
		const specs = Array.from({ length: 2 * INDEX_PAGE_SIZE + 3 }, (_, index) => spec(`s${String(index).padStart(3, '0')}`, index % 2 ? 'Draft' : 'In Review', addDays('2025-01-01', index)));
		const pages = stalePages([...specs, spec('fresh', 'Draft', '2026-11-20')], options);
		expect(pages.map((page) => [page.page, page.pages, page.count, page.specs.length])).toEqual([
			[1, 3, specs.length, INDEX_PAGE_SIZE],
			[2, 3, specs.length, INDEX_PAGE_SIZE],
			[3, 3, specs.length, 3],
		]);
		expect(pages.flatMap((page) => page.specs.map((entry) => entry.id))).toEqual(staleSpecs(specs, options).map((entry) => entry.id));
		// None stale: one page that says so.
		expect(stalePages([spec('fresh', 'Draft', '2026-11-20')], options)).toEqual([{ specs: [], count: 0, page: 1, pages: 1 }]);
	});
});
