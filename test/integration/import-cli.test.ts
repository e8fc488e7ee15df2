/**
 * `npm run import`, spawned as a user runs it: one spec per source, never overwriting, --dry-run,
 * the text and json outputs, the author and date fallbacks (--author, then git, then today), exit
 * codes; and `npm run check` passing on what it wrote.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeGitRepo } from '../helpers/git-repo.ts';
import { writeFixture, type Fixture } from '../helpers/spec-builder.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const DOCS = join(ROOT, 'test/fixtures/import/docs');
const ENV = { ...process.env, NO_COLOR: '1', SPECS_DIR: '', SPECBOOK_TODAY: '2026-12-05', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' };

const run = (cwd: string, command: 'import' | 'check', ...args: string[]) => {
	const result = spawnSync(NODE, [join(ROOT, `src/cli/${command}.ts`), ...args], { cwd, env: ENV, encoding: 'utf8', timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const doc = (name: string) => readFileSync(join(DOCS, name), 'utf8');

let fixture: Fixture | undefined;
afterEach(() => {
	fixture?.cleanup();
	fixture = undefined;
});

describe('npm run import', () => {
	it('imports a folder: source → target per file, what was mapped and what the author still owes; check passes on the result', () => {
		fixture = writeFixture({ 'docs/design/push.md': doc('app-bold-fields.md'), 'docs/design/tep.md': doc('tep-frontmatter.md'), 'docs/design/notes.txt': 'not Markdown' });
		const result = run(fixture.root, 'import', 'docs');
		expect(result).toMatchObject({ status: 0, stderr: '' });
		expect(result.stdout).toContain('docs/design/push.md → specs/push-notification-service.md');
		expect(result.stdout).toContain('docs/design/tep.md → specs/result-storage-for-pipeline-runs.md');
		expect(result.stdout).toContain('mapped: Feature "Push Notification Service"; Author(s) Mara Quist; Last Updated 2026-01-01; Status Draft (was "Ready for Development")');
		expect(result.stdout).toMatch(/still needs the author \(\d+\):\n {4}- Background is missing the field "Context"\./u);
		expect(result.stdout.trim().split('\n').at(-1)).toBe('Imported 2 of 2 files.');
		expect(readdirSync(fixture.path('specs')).sort()).toEqual(['push-notification-service.md', 'result-storage-for-pipeline-runs.md']);
		expect(readFileSync(fixture.path('specs/push-notification-service.md'), 'utf8')).toMatch(/^---\nimported:\n  from: docs\/design\/push.md\n  status: Ready for Development\n---\n/u);
		const checked = run(fixture.root, 'check');
		expect(checked.stdout).not.toMatch(/: error /u);
		expect(checked.status).toBe(0);
		// The links its source already had broken are warnings.
		expect(checked.stdout).toMatch(/specs\/push-notification-service\.md:\d+:\d+: warning link-broken/u);
	});

	it('imports a folder outside the working directory, skipping hidden folders inside it only', () => {
		fixture = writeFixture({ 'site/README.md': 'the site\n', 'old/design/push.md': doc('app-bold-fields.md'), 'old/design/.drafts/tep.md': doc('tep-frontmatter.md') });
		const result = run(fixture.path('site'), 'import', '../old/design');
		expect(result).toMatchObject({ status: 0, stderr: '' });
		expect(result.stdout).toContain('../old/design/push.md → specs/push-notification-service.md');
		expect(result.stdout).not.toContain('tep.md');
		expect(readdirSync(fixture.path('site/specs'))).toEqual(['push-notification-service.md']);
	});

	it('never overwrites: an existing target fails that file, the others go on; exit 1', () => {
		fixture = writeFixture({ 'a.md': doc('swift-evolution.md'), 'b.md': doc('metadata-table.md'), 'specs/implicit-self-in-nested-closures.md': 'mine\n' });
		const result = run(fixture.root, 'import', 'a.md', 'b.md');
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('a.md → specs/implicit-self-in-nested-closures.md\n  error: specs/implicit-self-in-nested-closures.md already exists; not overwriting it');
		expect(readFileSync(fixture.path('specs/implicit-self-in-nested-closures.md'), 'utf8')).toBe('mine\n');
		expect(existsSync(fixture.path('specs/sparse-embedding-lookups.md'))).toBe(true);
		expect(result.stdout).toContain('Imported 1 of 2 files.');
	});

	it('refuses a spec whose id exists in another extension or case, and links to a doc it refused stay on that doc', () => {
		fixture = writeFixture({
			'docs/alpha.md': '# Alpha\n\nAuthor: Ann\n\nDepends on [the Beta doc](beta.md).\n',
			'docs/beta.md': '# Beta\n\nAuthor: Ann\n\nText.\n',
			'docs/quotas.md': '# Quotas\n\nAuthor: Cy\n\nText.\n',
			'specs/Beta.md': '# Beta release channel\n',
			'specs/quotas.mdx': '# Quota service\n',
		});
		const result = run(fixture.root, 'import', 'docs');
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('docs/beta.md → specs/beta.md\n  error: specs/Beta.md already exists as spec "beta"; not overwriting it');
		expect(result.stdout).toContain('docs/quotas.md → specs/quotas.md\n  error: specs/quotas.mdx already exists as spec "quotas"; not overwriting it');
		expect(readdirSync(fixture.path('specs')).sort()).toEqual(['Beta.md', 'alpha.md', 'quotas.mdx']);
		expect(readFileSync(fixture.path('specs/alpha.md'), 'utf8')).toContain('[the Beta doc](../docs/beta.md)');
		expect(result.stdout).toContain('Imported 1 of 3 files.');
	});

	it('refuses a doc that is not UTF-8 (Latin-1, UTF-16) with the reason, rather than writing replacement characters', () => {
		fixture = writeFixture({ 'docs/ok.md': '# Fine\n\nAuthor: Ann\n\nText.\n' });
		writeFileSync(fixture.path('docs/latin.md'), Buffer.from('# Caf\xe9\n\nAuthor: Jos\xe9\n', 'latin1'));
		writeFileSync(fixture.path('docs/utf16.md'), Buffer.from('\ufeff# Wide\n', 'utf16le'));
		const result = run(fixture.root, 'import', 'docs');
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('docs/latin.md → (no target)\n  error: it is not UTF-8 text: invalid UTF-8 at byte 6; convert it to UTF-8 first');
		expect(result.stdout).toMatch(/docs\/utf16\.md → \(no target\)\n {2}error: it is not UTF-8 text: it contains a NUL byte/u);
		expect(readdirSync(fixture.path('specs'))).toEqual(['fine.md']);
	});

	it('counts a spec written with errors to fix as imported, and says so', () => {
		fixture = writeFixture({ 'docs/unsafe.md': '# Unsafe\n\nAuthor: Ann\n\n<script>alert(1)</script>\n' });
		const result = run(fixture.root, 'import', 'docs');
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('written, but check reports an error to fix');
		expect(result.stdout).toContain('Imported 1 of 1 file, 1 with errors to fix.');
	});

	it('--dry-run writes nothing; --format json prints one entry per source with the contract fields', () => {
		fixture = writeFixture({ 'docs/a.md': doc('swift-evolution.md'), 'docs/b.md': '# Nameless\n\nText.\n' });
		const result = run(fixture.root, 'import', '--dry-run', '--format', 'json', '--dir', 'rfcs', 'docs');
		expect(result.status).toBe(1);
		expect(existsSync(fixture.path('rfcs'))).toBe(false);
		const { files } = JSON.parse(result.stdout) as { files: Record<string, unknown>[] };
		expect(files).toHaveLength(2);
		expect(Object.keys(files[0]!)).toEqual(['source', 'target', 'feature', 'authors', 'lastUpdated', 'status', 'originalStatus', 'sectionsFilled', 'sectionsAdded', 'needsAuthor']);
		expect(files[0]).toMatchObject({
			source: 'docs/a.md',
			target: 'rfcs/implicit-self-in-nested-closures.md',
			feature: 'Implicit self in nested closures',
			authors: ['Lena Holm', 'Tomas Berg'],
			lastUpdated: '2026-12-05',
			status: 'Approved',
			originalStatus: 'Implemented (Swift 5.0)',
			sectionsFilled: ['Overview', 'Background', 'Architecture'],
			sectionsAdded: [],
		});
		expect(files[1]).toMatchObject({ source: 'docs/b.md', error: expect.stringContaining('--author') });
	});

	it('takes --author only when the source names nobody, then the git author of the first commit; the date from the last commit', () => {
		fixture = writeFixture();
		makeGitRepo(fixture.root, [
			{ date: '2026-03-01', author: 'Gita Rao', files: { 'docs/nameless.md': '# Nameless plan\n\nText.\n' } },
			{ date: '2026-04-02', author: 'Someone Else', files: { 'docs/nameless.md': '# Nameless plan\n\nMore text.\n' } },
		]);
		const fromGit = JSON.parse(run(fixture.root, 'import', '--dry-run', '--format', 'json', 'docs/nameless.md').stdout) as { files: Record<string, unknown>[] };
		expect(fromGit.files[0]).toMatchObject({ authors: ['Gita Rao'], lastUpdated: '2026-04-02', status: 'Draft', originalStatus: '' });
		const given = JSON.parse(run(fixture.root, 'import', '--dry-run', '--format', 'json', '--author', 'Ana Lima', 'docs/nameless.md').stdout) as { files: Record<string, unknown>[] };
		expect(given.files[0]).toMatchObject({ authors: ['Ana Lima'] });
	});

	it('reads the git fallbacks in the repository that holds the doc, not the working directory', () => {
		fixture = writeFixture({ 'site/README.md': 'the site\n' });
		makeGitRepo(fixture.path('legacy'), [{ date: '2024-03-04', author: 'Zoë Ångström', files: { 'docs/sharding.md': '# Legacy sharding plan\n\nText.\n' } }]);
		const result = JSON.parse(run(fixture.path('site'), 'import', '--dry-run', '--format', 'json', '../legacy/docs/sharding.md').stdout) as { files: Record<string, unknown>[] };
		expect(result.files[0]).toMatchObject({ authors: ['Zoë Ångström'], lastUpdated: '2024-03-04' });
	});

	it('exits 2 on bad usage', () => {
		fixture = writeFixture({ 'a.md': doc('swift-evolution.md') });
		expect(run(fixture.root, 'import')).toMatchObject({ status: 2, stderr: expect.stringContaining('usage: npm run import') });
		expect(run(fixture.root, 'import', '--format', 'xml', 'a.md').status).toBe(2);
		expect(run(fixture.root, 'import', 'missing.md')).toMatchObject({ status: 2, stderr: expect.stringContaining('no such file: missing.md') });
	});
});
