/** Plugin options reach the content loader: `specbook({ mdx: false })` refuses `.mdx` specs. */
import { expect, test } from 'vitest';
import { fixture } from '../helpers/fixtures.ts';

const site = fixture('mdx-off');

test('with mdx: false, an .mdx spec fails the build at its first line, and nothing is written', () => {
	expect(site.exitCode).not.toBe(0);
	expect(site.output).toContain('test/fixtures/mdx-off/specs/passkeys.mdx:1:1: error mdx-disabled ');
	expect(site.output).not.toContain('early.md:');
	expect(site.files().filter((file) => file.endsWith('.html'))).toEqual([]);
});
