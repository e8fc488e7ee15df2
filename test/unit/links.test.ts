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
