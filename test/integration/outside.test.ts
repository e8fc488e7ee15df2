/**
 * `SPECS_DIR` may point outside the project (an absolute path elsewhere): the site still builds,
 * MDX specs still find their component imports, and spec paths say where the files are.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSpecsDir, fixtureSpecsDir, ROOT, type BuiltSite } from '../helpers/build-fixture.ts';
import { element, hrefs, textOf } from '../helpers/html.ts';

let dir: string;
let site: BuiltSite;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'specbook-outside-'));
	cpSync(join(ROOT, fixtureSpecsDir('site')), dir, { recursive: true });
	site = await buildSpecsDir(dir);
	if (site.exitCode !== 0) throw new Error(`The build failed:\n${site.output}`);
}, 180_000);

afterAll(() => {
	site?.cleanup();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('publishes the same specs, MDX components rendered', () => {
	const { specs } = JSON.parse(site.read('/api/specs.json')) as { specs: { id: string; path: string }[] };
	expect(specs.map((spec) => spec.id)).toEqual(['early', 'identity/passkeys', 'payments/retry-v1', 'payments/retry-v2', 'platform/mesh']);
	expect(specs[0]?.path).toBe(`${relative(ROOT, dir)}/early.md`);
	const aside = element(site.read('/specs/identity/passkeys/'), /<aside[^>]*starlight-aside/) ?? '';
	expect(textOf(aside)).toContain('Recovery must never rely on the passkey alone.');
});

test('offers no edit link, since the files are not in the repository', () => {
	expect(hrefs(site.read('/specs/early/')).filter((href) => href.includes('/edit/'))).toEqual([]);
});
