/**
 * The paths module: one form for every path the model compares, the spec id rule, link keys, and
 * one published/unpublished rule for `check` and the site.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { glob } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { listSpecFiles } from '../../src/core/files.ts';
import { isPublishedSpecPath, linkKey, normalizeRelative, PUBLISHED_SPECS_GLOB, relativePath, specIdFromPath, toPosix } from '../../src/core/paths.ts';

describe('normalizeRelative', () => {
	it.each([
		['specs', 'specs'],
		['./specs/', 'specs'],
		['.//specs//', 'specs'],
		['specs\\payments\\retry.md', 'specs/payments/retry.md'],
		['.\\specs', 'specs'],
		['.', '.'],
		['./', '.'],
		['', '.'],
		['../data/specs/', '../data/specs'],
	])('%j → %j', (path, expected) => {
		expect(normalizeRelative(path)).toBe(expected);
	});

	it('only turns separators around in toPosix', () => {
		expect(toPosix('a\\b/c')).toBe('a/b/c');
	});
});

describe('relativePath', () => {
	it.each([
		['/srv/repo', '/srv/repo/specs/x.md', 'specs/x.md'],
		['/srv/repo', '/srv/repo', '.'],
		['/srv/repo', '/data/specs', '../../data/specs'],
	])('%s → %s is %s', (base, target, expected) => {
		expect(relativePath(base, target)).toBe(expected);
	});
});

describe('specIdFromPath', () => {
	it.each([
		['specs', 'specs/Payments/Retry.md', 'payments/retry'],
		['./specs/', './specs/payments/retry.mdx', 'payments/retry'],
		['specs', 'specs\\ledger\\Idempotency.MDX', 'ledger/idempotency'],
		['.', 'top.md', 'top'],
		['../../tmp/specs', '../../tmp/specs/a/b.md', 'a/b'],
		// A file named on the command line outside the folder keeps its whole path as id.
		['specs', 'elsewhere/x.md', 'elsewhere/x'],
	])('in %s, %s is %s', (dir, path, expected) => {
		expect(specIdFromPath(dir, path)).toBe(expected);
	});
});

describe('linkKey', () => {
	it('matches a link to a spec whatever its case, extension or leading ./', () => {
		expect(linkKey('specs/Ledger/Idempotency.md')).toBe('specs/ledger/idempotency');
		expect(linkKey('./specs/ledger/idempotency.mdx')).toBe('specs/ledger/idempotency');
		expect(linkKey('specs/ledger/idempotency')).toBe('specs/ledger/idempotency');
	});
});

describe('published specs', () => {
	const names = [
		'top.md',
		'page.mdx',
		'deep/a/b.md',
		'snake_case/x.md',
		'notes.txt',
		'_template.md',
		'payments/_draft.md',
		'_archive/old.md',
		'a/_wip/b.md',
		'.hidden.md',
		'.github/x.md',
		'a/.cache/b.md',
	];
	const published = ['deep/a/b.md', 'page.mdx', 'snake_case/x.md', 'top.md'];
	const root = mkdtempSync(join(tmpdir(), 'specbook-paths-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));
	for (const name of names) {
		mkdirSync(join(root, 'specs', dirname(name)), { recursive: true });
		writeFileSync(join(root, 'specs', name), '');
	}

	it('are .md and .mdx files with no file or folder name starting with _ or .', () => {
		expect(names.filter(isPublishedSpecPath).sort()).toEqual(published);
	});

	it('are the same files for check (listSpecFiles) and for the site (the glob Astro runs)', async () => {
		// Astro's glob() loader runs tinyglobby with these options over the specs folder.
		const globbed = await glob([...PUBLISHED_SPECS_GLOB], { cwd: join(root, 'specs'), expandDirectories: false });
		expect(globbed.sort()).toEqual(published);
		expect(await listSpecFiles('specs', root)).toEqual(published.map((name) => `specs/${name}`));
	});
});
