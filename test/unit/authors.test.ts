/**
 * Author(s) values whose e-mails or handles contain the separators ("and", "&", commas are not
 * allowed in addresses, but "and" and "-and-" are).
 */
import { describe, expect, it } from 'vitest';
import { parseAuthors } from '../../src/core/values.ts';

const summary = (text: string) => parseAuthors(text).map(({ name, email, handle }) => [name, email ?? null, handle ?? null]);

describe('parseAuthors', () => {
	it('keeps an e-mail containing "and" whole', () => {
		expect(summary('Ana Lima <ana.and.co@example.com> and Bo Chen')).toEqual([
			['Ana Lima', 'ana.and.co@example.com', null],
			['Bo Chen', null, null],
		]);
	});

	it('keeps a handle containing "and" whole', () => {
		expect(summary('Sam Rand @rand-and-co, Bo Chen')).toEqual([
			['Sam Rand', null, 'rand-and-co'],
			['Bo Chen', null, null],
		]);
	});

	it('still splits on the separators between names', () => {
		expect(summary('Ana Lima <ana@example.com>; Bo Chen (@bo_chen) & Cy Diaz and Dee Evans')).toEqual([
			['Ana Lima', 'ana@example.com', null],
			['Bo Chen', null, 'bo_chen'],
			['Cy Diaz', null, null],
			['Dee Evans', null, null],
		]);
	});
});
