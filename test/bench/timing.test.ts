/**
 * Inputs that would make a parser take minutes are refused at once: the whole analysis of such a
 * file, read from disk as `npm run check` reads it, stays within seconds. Timed, so it lives in the
 * bench project (`npm run test:bench`); test/unit/hostile.test.ts checks the diagnostics themselves.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { analyzeSpecs, readSpecFiles } from '../../src/core/index.ts';
import { valid } from '../helpers/generated-specs.ts';

const TODAY = '2026-11-26';
const roots: string[] = [];
afterEach(() => {
	for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Milliseconds to read and analyse one file named `name`, and the codes it got. */
async function timeCheck(name: string, source: string) {
	const root = mkdtempSync(join(tmpdir(), 'specbook-timing-'));
	roots.push(root);
	mkdirSync(join(root, 'specs'));
	writeFileSync(join(root, 'specs', name), source);
	const started = performance.now();
	const sources = await readSpecFiles('specs', { cwd: root });
	const { diagnostics } = analyzeSpecs(sources, { specsDir: 'specs', today: TODAY, fileExists: () => false });
	return { ms: performance.now() - started, codes: diagnostics.map((diagnostic) => diagnostic.code) };
}

test('nesting 200,000 levels deep is refused within seconds', async () => {
	const { ms, codes } = await timeCheck('too-deep.md', valid('Too deep', `Intro.\n\n${'> - '.repeat(200_000)}x`));
	expect(codes).toEqual(['markdown-too-complex']);
	expect(ms).toBeLessThan(5_000);
});

test('a flood of 100,000 inline components in .mdx is refused within seconds', async () => {
	const { ms, codes } = await timeCheck('tags.mdx', valid('Tags', `Text ${'<b>'.repeat(100_000)}x`));
	expect(codes).toEqual(['markdown-too-complex']);
	expect(ms).toBeLessThan(5_000);
});
