/**
 * Which links point into the specs folder, whatever the folder is called, `.` included.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSpecs } from '../../src/core/index.ts';
import { pathInSpecsDir } from '../../src/core/links.ts';
import { buildSpec } from '../helpers/spec-builder.ts';

describe('pathInSpecsDir', () => {
	it.each([
		['specs/a/b.md', 'specs', 'a/b.md'],
		['specs/a/b.md', 'specs/', 'a/b.md'],
		['specs/a/b.md', './specs', 'a/b.md'],
		['specsx/b.md', 'specs', undefined],
		['a/b.md', '.', 'a/b.md'],
		['../other/b.md', '.', undefined],
		['../../tmp/specs/b.md', '../../tmp/specs', 'b.md'],
	])('%s in %s → %s', (path, dir, expected) => {
		expect(pathInSpecsDir(path, dir)).toBe(expected);
	});
});

describe('link checks with the working directory as the specs folder', () => {
	it('still reports a broken anchor and a link to an unpublished file', () => {
		const linking = `${buildSpec({ feature: 'Linking' })}\nSee [a](a.md#nope) and [draft](_draft.md).\n`;
		const { diagnostics } = analyzeSpecs(
			[
				{ path: 'a.md', source: buildSpec({ feature: 'Target' }) },
				{ path: 'b.md', source: linking },
			],
			{ specsDir: '.', today: '2026-11-26', fileExists: (path) => path === '_draft.md' }
		);
		expect(diagnostics.map((d) => [d.file, d.code])).toEqual([
			['b.md', 'link-anchor'],
			['b.md', 'link-broken'],
		]);
	});
});

describe('reference-style links', () => {
	it('are checked like inline ones, located at the definition: a missing spec, a missing heading, an unpublished file', () => {
		const linking = [
			buildSpec({ feature: 'Linking' }),
			'See [the ledger][ledger], [its plan][plan], [the draft][draft] and [the target][ok].',
			'',
			'[ledger]: ../ledger/idempotency.md',
			'[plan]: target.md#no-such-heading',
			'[draft]: _draft.md',
			'[ok]: target.md#overview',
			'',
		].join('\n');
		const { diagnostics } = analyzeSpecs(
			[
				{ path: 'specs/payments/target.md', source: buildSpec({ feature: 'Target' }) },
				{ path: 'specs/payments/linking.md', source: linking },
			],
			{ specsDir: 'specs', today: '2026-11-26', fileExists: (path) => path === 'specs/payments/_draft.md' }
		);
		const lines = linking.split('\n');
		const at = (needle: string) => lines.findIndex((line) => line.startsWith(needle)) + 1;
		expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
			['link-broken', at('[ledger]'), 'Link "../ledger/idempotency.md" points to specs/ledger/idempotency.md, which does not exist.'],
			['link-anchor', at('[plan]'), 'Link "target.md#no-such-heading" points to a heading "#no-such-heading" that does not exist.'],
			['link-broken', at('[draft]'), expect.stringContaining('which is not published')],
		]);
	});
});
