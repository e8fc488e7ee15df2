/**
 * `SPECS_DIR` may point outside the project (an absolute path elsewhere): the site still builds,
 * MDX specs still find their component imports, and spec paths say where the files are.
 */
import { expect, test } from 'vitest';
import { builtFixture } from '../helpers/fixtures.ts';
import { element, hrefs, textOf } from '../helpers/html.ts';

const site = builtFixture('site-outside');

test('publishes the same specs, MDX components rendered', () => {
	const { specs } = JSON.parse(site.read('/api/specs.json')) as { specs: { id: string; path: string }[] };
	expect(specs.map((spec) => spec.id)).toEqual(['early', 'identity/passkeys', 'payments/retry-v1', 'payments/retry-v2', 'platform/mesh']);
	// The folder as seen from the project: `../../tmp/specbook-outside-…`.
	expect(site.specsDir).toMatch(/^(\.\.\/)+.*specbook-outside-/);
	expect(specs[0]?.path).toBe(`${site.specsDir}/early.md`);
	const aside = element(site.read('/specs/identity/passkeys/'), /<aside[^>]*starlight-aside/) ?? '';
	expect(textOf(aside)).toContain('Recovery must never rely on the passkey alone.');
});

test('offers no edit link, since the files are not in the repository', () => {
	expect(hrefs(site.read('/specs/early/')).filter((href) => href.includes('/edit/'))).toEqual([]);
});
