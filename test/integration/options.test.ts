/** Plugin options reach the content loader: `specbook({ mdx: false })` refuses `.mdx` specs. */
import { expect, test } from 'vitest';
import { buildSpecsDir, fixtureSpecsDir } from '../helpers/build-fixture.ts';
import { fixture } from '../helpers/fixtures.ts';

const site = fixture('mdx-off');

test('with mdx: false, an .mdx spec fails the build at its first line, and nothing is written', () => {
	expect(site.exitCode).not.toBe(0);
	expect(site.output).toContain('test/fixtures/mdx-off/specs/passkeys.mdx:1:1: error mdx-disabled ');
	expect(site.output).not.toContain('early.md:');
	expect(site.files().filter((file) => file.endsWith('.html'))).toEqual([]);
});

test("with Astro's build.format 'file', the build stops with the reason before writing a page whose links would 404", async () => {
	const built = await buildSpecsDir(fixtureSpecsDir('site'), { config: 'test/fixtures/file-format/astro.config.mjs' });
	try {
		expect(built.exitCode).toBe(1);
		expect(built.output).toContain("Specbook's pages need Astro's `build.format` to be 'directory' (the default), not 'file'");
		expect(built.files().filter((file) => file.endsWith('.html'))).toEqual([]);
	} finally {
		built.cleanup();
	}
}, 120_000);
