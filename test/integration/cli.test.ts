/**
 * The real commands, spawned as a user (or CI, or the acceptance harness) runs them: exit codes,
 * the text / json / github output contracts (DESIGN.md §3), file arguments, bad usage, and
 * `new` scaffolding a spec that `check` accepts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/core/scaffold.ts';
import { analyzeSpecs, templateOutline } from '../../src/core/index.ts';
import { buildSpec, columnOf, edit, lineOf, writeFixture, type Fixture } from '../helpers/spec-builder.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const CHECK = join(ROOT, 'src/cli/check.ts');
const NEW = join(ROOT, 'src/cli/new.ts');

/** Environment without git identity or CI noise, so runs do not depend on the machine. */
const ENV = { ...process.env, NO_COLOR: '1', SPECS_DIR: '', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' };

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

function spawn(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = ENV): Run {
	const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const check = (cwd: string, ...args: string[]) => spawn(NODE, [CHECK, ...args], cwd);
const scaffold = (cwd: string, ...args: string[]) => spawn(NODE, [NEW, ...args], cwd);

/** Today as `new` writes it: the local date. */
const localToday = () => {
	const now = new Date();
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

const TEXT_LINE = /^(?<file>[^\s:]+):(?<line>\d+):(?<column>\d+): (?<severity>error|warning) (?<code>[a-z][a-z-]*) (?<message>.+)$/u;

const good = buildSpec({ feature: 'Payment retry policy' });
const draftWithWarning = buildSpec({ feature: 'Ledger idempotency', status: 'Draft', phases: [{ name: 'Keys', tasks: ['Add keys'], timeline: 'after the freeze' }] });
const broken = buildSpec({ feature: 'Refunds v2', lastUpdated: '2026-02-30', status: 'Finished' });
const typo = edit(buildSpec({ feature: 'Search relevance' }), '**Problem Statement**', '**Problem Statment**');

let fixture: Fixture | undefined;
afterEach(() => {
	fixture?.cleanup();
	fixture = undefined;
});

describe('npm run check: exit codes', () => {
	it('0 and a one-line summary when every spec is valid', () => {
		fixture = writeFixture({ 'specs/payments/retry.md': good, 'specs/_template.md': '' });
		const run = check(fixture.root);
		expect(run).toMatchObject({ status: 0, stderr: '' });
		expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/1 spec checked: no problems/u)]);
	});

	it('0 when there are only warnings, which are still printed', () => {
		fixture = writeFixture({ 'specs/ledger.md': draftWithWarning });
		const run = check(fixture.root);
		expect(run.status).toBe(0);
		const line = lineOf(draftWithWarning, 'after the freeze');
		expect(run.stdout).toContain(`specs/ledger.md:${line}:${columnOf(draftWithWarning, line, 'after the freeze')}: warning timeline-invalid `);
	});

	it('1 when any spec has an error', () => {
		fixture = writeFixture({ 'specs/payments/retry.md': good, 'specs/payments/refunds.md': broken });
		expect(check(fixture.root).status).toBe(1);
	});

	it('2 on bad usage, with the reason and the usage line on stderr and no stack trace', () => {
		fixture = writeFixture({ 'specs/a.md': good });
		for (const args of [['--format', 'xml'], ['--frmat', 'json'], ['--dir', 'no-such-folder'], ['specs/missing.md'], ['--dir']]) {
			const run = check(fixture.root, ...args);
			expect(run.status, args.join(' ')).toBe(2);
			expect(run.stderr).toMatch(/^error: /u);
			expect(run.stderr).toContain('usage: npm run check');
			expect(run.stderr).not.toMatch(/^\s+at /mu);
			expect(run.stdout).toBe('');
		}
	});
});

describe('npm run check: output formats', () => {
	it('text: `path:line:col: severity CODE message` per finding (paths relative to the working directory), then a summary', () => {
		fixture = writeFixture({ 'specs/payments/refunds.md': broken, 'specs/search.md': typo, 'specs/ledger.md': draftWithWarning, 'specs/retry.md': good });
		const run = check(fixture.root);
		expect(run.status).toBe(1);
		const lines = run.stdout.trimEnd().split('\n');
		const findings = lines.filter((line) => TEXT_LINE.test(line)).map((line) => line.match(TEXT_LINE)!.groups!);
		expect(findings.map(({ file, line, column, severity, code }) => `${file}:${line}:${column} ${severity} ${code}`)).toEqual([
			`specs/ledger.md:${lineOf(draftWithWarning, 'after the freeze')}:${columnOf(draftWithWarning, lineOf(draftWithWarning, 'after the freeze'), 'after')} warning timeline-invalid`,
			`specs/payments/refunds.md:${lineOf(broken, '2026-02-30')}:${columnOf(broken, lineOf(broken, '2026-02-30'), '2026')} error date-invalid`,
			`specs/payments/refunds.md:${lineOf(broken, 'Finished')}:${columnOf(broken, lineOf(broken, 'Finished'), 'Finished')} error status-invalid`,
			`specs/search.md:${lineOf(typo, 'Statment')}:3 error label-typo`,
		]);
		// Every other line is a hint under its finding, or the summary at the end.
		for (const line of lines) expect(TEXT_LINE.test(line) || line.startsWith('    hint: ') || line === lines.at(-1)).toBe(true);
		expect(lines.at(-1)).toMatch(/3 errors and 1 warning in 3 files \(4 specs checked\)/u);
	});

	it('json: exactly { diagnostics: [{ file, line, column, severity, code, message, hint }] } and nothing else on stdout', () => {
		fixture = writeFixture({ 'specs/payments/refunds.md': broken, 'specs/ledger.md': draftWithWarning });
		const run = check(fixture.root, '--format', 'json');
		expect(run.status).toBe(1);
		const report = JSON.parse(run.stdout) as { diagnostics: Record<string, unknown>[] };
		expect(Object.keys(report)).toEqual(['diagnostics']);
		expect(report.diagnostics).toHaveLength(3);
		for (const diagnostic of report.diagnostics) {
			expect(Object.keys(diagnostic).sort()).toEqual(['code', 'column', 'file', 'hint', 'line', 'message', 'severity']);
			expect(diagnostic).toEqual({
				file: expect.any(String),
				line: expect.any(Number),
				column: expect.any(Number),
				severity: expect.stringMatching(/^(error|warning)$/u),
				code: expect.stringMatching(/^[a-z][a-z-]*$/u),
				message: expect.any(String),
				hint: expect.any(String),
			});
		}
		expect(report.diagnostics[1]).toMatchObject({ file: 'specs/payments/refunds.md', line: lineOf(broken, '2026-02-30'), severity: 'error', code: 'date-invalid' });
	});

	it('json with no findings is an empty list, exit 0', () => {
		fixture = writeFixture({ 'specs/retry.md': good });
		const run = check(fixture.root, '--format', 'json');
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout)).toEqual({ diagnostics: [] });
	});

	it('github: one `::error file=…,line=…,col=…::message` workflow command per finding', () => {
		fixture = writeFixture({ 'specs/payments/refunds.md': broken, 'specs/ledger.md': draftWithWarning });
		const run = check(fixture.root, '--format', 'github');
		expect(run.status).toBe(1);
		const commands = run.stdout.split('\n').filter((line) => line.startsWith('::'));
		expect(commands).toHaveLength(3);
		expect(commands[0]).toMatch(new RegExp(`^::warning file=specs/ledger\\.md,line=${lineOf(draftWithWarning, 'after the freeze')},col=\\d+(,[^:]*)?::Timeline "after the freeze"`, 'u'));
		expect(commands[1]).toMatch(new RegExp(`^::error file=specs/payments/refunds\\.md,line=${lineOf(broken, '2026-02-30')},col=\\d+(,[^:]*)?::Last Updated "2026-02-30"`, 'u'));
		// A message never spans lines: newlines inside are escaped.
		for (const command of commands) expect(command).not.toMatch(/\r/u);
	});
});

describe('npm run check: which files', () => {
	it('file arguments restrict the output (and the exit code) to those files; cross-spec rules still see the folder', () => {
		const duplicate = buildSpec({ feature: 'Payment retry policy' });
		fixture = writeFixture({ 'specs/a-retry.md': good, 'specs/b-retry-copy.md': duplicate, 'specs/payments/refunds.md': broken });
		const only = check(fixture.root, '--format', 'json', 'specs/b-retry-copy.md');
		expect(only.status).toBe(1);
		expect((JSON.parse(only.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.map(({ file, code }) => [file, code])).toEqual([
			['specs/b-retry-copy.md', 'feature-duplicate'],
		]);
		// Checking the earlier file of the two tells it too: a new spec that sorts first must not pass alone.
		const earlier = check(fixture.root, '--format', 'json', 'specs/a-retry.md');
		expect(earlier.status).toBe(1);
		expect((JSON.parse(earlier.stdout) as { diagnostics: { file: string; code: string; message: string }[] }).diagnostics).toEqual([
			expect.objectContaining({ file: 'specs/a-retry.md', code: 'feature-duplicate', message: expect.stringContaining('specs/b-retry-copy.md') }),
		]);
		expect(earlier.stdout).not.toContain('refunds');
		const valid = check(fixture.root, 'specs/payments');
		expect(valid.stdout).not.toContain('retry');
	});

	it('a folder argument names the specs under it, with ids still relative to the specs folder', () => {
		const superseding = buildSpec({ feature: 'Refunds v3', frontmatter: 'supersedes: [a-retry]' });
		fixture = writeFixture({ 'specs/a-retry.md': good, 'specs/payments/refunds.md': superseding, 'specs/other/broken.md': broken });
		const run = check(fixture.root, '--format', 'json', 'specs/payments');
		// No false supersedes-unknown (the id a-retry exists under specs/), and nothing from specs/other.
		expect(JSON.parse(run.stdout)).toEqual({ diagnostics: [] });
		expect(run.status).toBe(0);
	});

	it('a folder apart from the specs folder is checked as its files are, and a folder with no spec checks none, never the whole folder instead', () => {
		const incoming = buildSpec({ feature: 'Incoming refunds', lastUpdated: '2026-02-30', status: 'Finished' });
		fixture = writeFixture({ 'specs/a-retry.md': good, 'specs/other/broken.md': broken, 'specs/empty/notes.txt': 'no spec here', 'incoming/new.md': incoming });
		const outside = check(fixture.root, 'incoming');
		expect(outside.stdout).toMatch(/^incoming\/new\.md:\d+:\d+: error /mu);
		expect(outside.stdout).not.toContain('specs/other/broken.md');
		expect(outside.stdout).toContain('(1 spec checked)');
		expect(outside.status).toBe(1);
		const empty = check(fixture.root, 'specs/empty');
		expect(empty.stdout).toContain('0 specs checked');
		expect(empty.status).toBe(0);
	});

	it('--dir naming a file is bad usage with a message, not a file-system error', () => {
		fixture = writeFixture({ 'specs/ok.md': good });
		const run = check(fixture.root, '--dir', 'specs/ok.md');
		expect(run).toMatchObject({ status: 2, stderr: expect.stringContaining('error: "specs/ok.md" is a file, not a specs folder') });
		expect(run.stderr).not.toContain('ENOTDIR');
	});

	it('--dir picks the folder; nested folders are checked and `_` files are not', () => {
		fixture = writeFixture({ 'docs/specs/deep/er/retry.md': broken, 'docs/specs/_draft.md': 'not even a spec', 'specs/ok.md': good });
		const run = check(fixture.root, '--dir', 'docs/specs', '--format', 'json');
		expect(run.status).toBe(1);
		const files = new Set((JSON.parse(run.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((diagnostic) => diagnostic.file));
		expect([...files]).toEqual(['docs/specs/deep/er/retry.md']);
	});

	it('all files and all diagnostics in one run, sorted by file and line', () => {
		fixture = writeFixture({ 'specs/b.md': broken, 'specs/a.md': typo, 'specs/c.md': '' });
		const run = check(fixture.root, '--format', 'json');
		const report = JSON.parse(run.stdout) as { diagnostics: { file: string; line: number }[] };
		expect(report.diagnostics.map(({ file, line }) => [file, line])).toEqual([
			['specs/a.md', lineOf(typo, 'Statment')],
			['specs/b.md', lineOf(broken, '2026-02-30')],
			['specs/b.md', lineOf(broken, 'Finished')],
			['specs/c.md', 1],
		]);
	});

	it('through npm, with `--` and without it (npm keeps --format/--dir for itself), from the repository root', () => {
		fixture = writeFixture({ 'specs/payments/refunds.md': broken });
		const dir = relative(ROOT, fixture.path('specs'));
		const expectedFile = `${dir}/payments/refunds.md`;
		for (const args of [
			['run', '-s', 'check', '--', '--dir', dir, '--format', 'json'],
			['run', '-s', 'check', '--format', 'json', '--dir', dir],
		]) {
			const run = spawn('npm', args, ROOT, { ...ENV, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}` });
			expect(run.status, args.join(' ')).toBe(1);
			const report = JSON.parse(run.stdout) as { diagnostics: { file: string; code: string }[] };
			expect(report.diagnostics.map(({ file, code }) => [file, code])).toEqual([
				[expectedFile, 'date-invalid'],
				[expectedFile, 'status-invalid'],
			]);
		}
	});
});

describe('npm run new', () => {
	it('writes <dir>/<slug>.md from the template with the feature, the author, today and Status Draft, and prints the path', () => {
		fixture = writeFixture();
		const run = scaffold(fixture.root, 'Card payments: retries & failover (v2)', '--author', 'Ana Lima <ana@example.com>');
		expect(run).toMatchObject({ status: 0, stdout: 'specs/card-payments-retries-failover-v2.md\n' });
		const written = readFileSync(fixture.path('specs/card-payments-retries-failover-v2.md'), 'utf8');
		const template = readFileSync(fileURLToPath(new URL('../fixtures/spec-template.md', import.meta.url)), 'utf8');
		const expected = template
			.replace('# Technical Specification Template', '# Card payments: retries & failover (v2)')
			.replace('[Feature name]', 'Card payments: retries & failover (v2)')
			.replace('[Author names]', 'Ana Lima <ana@example.com>')
			.replace('[Date]', localToday())
			.replace('[Draft/In Review/Approved]', 'Draft');
		expect(written.trimEnd()).toBe(expected.trimEnd());
		expect(written).toBe(renderTemplate(templateOutline(), { Feature: 'Card payments: retries & failover (v2)', 'Author(s)': 'Ana Lima <ana@example.com>', 'Last Updated': localToday(), Status: 'Draft' }, 'Card payments: retries & failover (v2)'));
	});

	it('the new spec passes check, beside existing specs', () => {
		fixture = writeFixture({ 'specs/payments/retry.md': good });
		expect(scaffold(fixture.root, 'Ledger idempotency keys', '--author', 'Bo Chen').status).toBe(0);
		const run = check(fixture.root, '--format', 'json');
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout)).toEqual({ diagnostics: [] });
	});

	it('--dir writes into another folder, creating it', () => {
		fixture = writeFixture();
		const run = scaffold(fixture.root, 'Semantic search', '--author', 'Cy Diaz', '--dir', 'specs/search');
		expect(run).toMatchObject({ status: 0, stdout: 'specs/search/semantic-search.md\n' });
		expect(check(fixture.root, '--dir', 'specs').status).toBe(0);
	});

	it('refuses to overwrite: non-zero exit and the file is unchanged', () => {
		fixture = writeFixture({ 'specs/semantic-search.md': 'my own work' });
		const run = scaffold(fixture.root, 'Semantic Search', '--author', 'Cy Diaz');
		expect(run.status).not.toBe(0);
		expect(`${run.stdout}${run.stderr}`).toContain('specs/semantic-search.md');
		expect(readFileSync(fixture.path('specs/semantic-search.md'), 'utf8')).toBe('my own work');
	});

	it('refuses a spec whose id exists in another extension or case, and counts a long name in characters', () => {
		fixture = writeFixture({ 'specs/retry.mdx': buildSpec({ feature: 'Retry budget' }), 'specs/Ledger.md': buildSpec({ feature: 'Ledger export' }) });
		expect(scaffold(fixture.root, 'Retry!', '--author', 'Cy Diaz')).toMatchObject({ status: 1, stderr: 'error: specs/retry.mdx already exists as spec "retry"; not overwriting it.\n' });
		expect(scaffold(fixture.root, 'ledger', '--author', 'Cy Diaz')).toMatchObject({ status: 1, stderr: 'error: specs/Ledger.md already exists as spec "ledger"; not overwriting it.\n' });
		expect(readdirSync(fixture.path('specs')).sort()).toEqual(['Ledger.md', 'retry.mdx']);
		// 120 characters, one of them an emoji (two UTF-16 units): within the limit, and check agrees.
		const name = `🚀 ${'x'.repeat(118)}`;
		expect(scaffold(fixture.root, name, '--author', 'Cy Diaz').status).toBe(0);
		expect(check(fixture.root).stdout).not.toContain('feature-too-long');
	});

	it('never writes through a link: a dangling link where the spec would go is "already exists", and its target is not created', () => {
		fixture = writeFixture({ 'specs/keep.md': buildSpec({ feature: 'Keep' }) });
		symlinkSync(fixture.path('outside.md'), fixture.path('specs/semantic-search.md'));
		const run = scaffold(fixture.root, 'Semantic Search', '--author', 'Cy Diaz');
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('specs/semantic-search.md already exists');
		expect(run.stderr).not.toMatch(/^\s+at /mu);
		expect(existsSync(fixture.path('outside.md'))).toBe(false);
	});

	it('bad usage exits 2 with a message and no stack trace: no feature name, no author anywhere', () => {
		fixture = writeFixture();
		for (const args of [['--author', 'Ana Lima'], ['Retry policy'], ['!!!', '--author', 'Ana']]) {
			const run = scaffold(fixture.root, ...args);
			expect(run.status, args.join(' ')).toBe(2);
			expect(run.stderr).toMatch(/^error: /u);
			expect(run.stderr).not.toMatch(/^\s+at /mu);
		}
	});

	it('new --dir with an absolute path works', () => {
		fixture = writeFixture({ 'specs/retry.md': good });
		const run = scaffold(fixture.root, 'Semantic search', '--author', 'Cy Diaz', '--dir', fixture.path('specs'));
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it('refuses a feature name that reads as a placeholder, and says why', () => {
		fixture = writeFixture();
		const run = scaffold(fixture.root, '[Beta] ', '--author', 'Ana Lima');
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('placeholder');
	});

	it('keeps Markdown characters of a feature name as written, and the result passes check', () => {
		const site = (fixture = writeFixture());
		const feature = 'Retry *policy* for <script> [v2]';
		expect(scaffold(site.root, feature, '--author', 'Ana_Lima').status).toBe(0);
		expect(check(site.root).status).toBe(0);
		const files = readdirSync(site.path('specs')).map((name) => ({ path: `specs/${name}`, source: readFileSync(site.path(`specs/${name}`), 'utf8') }));
		const { specs } = analyzeSpecs(files, { specsDir: 'specs', today: new Date().toISOString().slice(0, 10) });
		expect(specs.map((spec) => [spec.feature, spec.authors[0]?.name])).toEqual([[feature, 'Ana_Lima']]);
	});
});

describe('npm run check -- --fix', () => {
	const fixable = edit(edit(buildSpec({ feature: 'Search relevance', style: { eol: '\r\n', bom: true }, frontmatter: 'tags: [search]  # as written' }), '## Background', '## 2. Background'), '2026-11-20', '20 Nov 2026');
	const fixedText = buildSpec({ feature: 'Search relevance', style: { eol: '\r\n', bom: true }, frontmatter: 'tags: [search]  # as written' });
	// A status no template status is near: an error --fix leaves for the author.
	const unfixable = edit(edit(buildSpec({ feature: 'Search ranking' }), '**Problem Statement**', '**Problem Statment**'), '- **Status**: In Review', '- **Status**: Shipped');

	it('writes the fixes in place, prints each, reports what is left and exits as check does', () => {
		fixture = writeFixture({ 'specs/search.md': fixable, 'specs/refunds.md': unfixable, 'specs/retry.md': good });
		const run = check(fixture.root, '--fix');
		expect(run.status).toBe(1);
		expect(readFileSync(fixture.path('specs/search.md'), 'utf8')).toBe(fixedText);
		expect(readFileSync(fixture.path('specs/refunds.md'), 'utf8')).toBe(edit(unfixable, '**Problem Statment**', '**Problem Statement**'));
		expect(readFileSync(fixture.path('specs/retry.md'), 'utf8')).toBe(good);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines.slice(0, 4)).toEqual([
			`specs/refunds.md:${lineOf(typo, 'Statment')}:5: fixed label-typo "Problem Statment" → "Problem Statement"`,
			`specs/search.md:${lineOf(fixable, 'Nov 2026')}:${columnOf(fixable, lineOf(fixable, 'Nov 2026'), '20 Nov')}: fixed date-invalid "20 Nov 2026" → "2026-11-20"`,
			`specs/search.md:${lineOf(fixable, '2. Background')}:4: fixed section-decorated "2. Background" → "Background"`,
			'Fixed 3 problems in 2 files.',
		]);
		// What is left is reported as usual.
		expect(lines.filter((line) => TEXT_LINE.test(line)).map((line) => line.match(TEXT_LINE)!.groups!.code)).toEqual(['status-invalid']);
		expect(lines.at(-1)).toMatch(/1 error and 0 warnings in 1 file \(3 specs checked\)/u);

		// A second run has nothing to fix, and changes nothing.
		const again = check(fixture.root, '--fix', '--format', 'json');
		expect(again.status).toBe(1);
		expect(JSON.parse(again.stdout)).toMatchObject({ fixes: [], diagnostics: [{ code: 'status-invalid' }] });
		expect(readFileSync(fixture.path('specs/search.md'), 'utf8')).toBe(fixedText);
	});

	it('exits 0 once every error is fixed; json lists the fixes beside the diagnostics; only named files are fixed', () => {
		fixture = writeFixture({ 'specs/search.md': fixable, 'specs/other.md': edit(good, '## Overview', '## 1. Overview') });
		const run = check(fixture.root, '--fix', '--format', 'json', 'specs/search.md');
		expect(run.status).toBe(0);
		const report = JSON.parse(run.stdout) as { diagnostics: unknown[]; fixes: Record<string, unknown>[] };
		expect(Object.keys(report)).toEqual(['diagnostics', 'fixes']);
		expect(report.diagnostics).toEqual([]);
		expect(report.fixes).toEqual([
			{ file: 'specs/search.md', line: lineOf(fixable, 'Nov 2026'), column: columnOf(fixable, lineOf(fixable, 'Nov 2026'), '20 Nov'), code: 'date-invalid', from: '20 Nov 2026', to: '2026-11-20' },
			{ file: 'specs/search.md', line: lineOf(fixable, '2. Background'), column: 4, code: 'section-decorated', from: '2. Background', to: 'Background' },
		]);
		expect(readFileSync(fixture.path('specs/other.md'), 'utf8')).toBe(edit(good, '## Overview', '## 1. Overview'));
	});
});

describe('check options', () => {
	it('check accepts --no-git, which its usage line offers', () => {
		fixture = writeFixture({ 'specs/retry.md': good });
		expect(check(fixture.root, '--no-git').status).toBe(0);
	});
});

describe('a fixed today', () => {
	it('SPECBOOK_TODAY applies to check as it does to the build', () => {
		fixture = writeFixture({ 'specs/retry.md': buildSpec({ lastUpdated: '2026-11-20' }) });
		const run = spawnSync(NODE, [CHECK, '--format', 'json', '--no-git'], {
			cwd: fixture.root,
			encoding: 'utf8',
			env: { ...process.env, SPECBOOK_TODAY: '2026-11-01' },
		});
		expect((JSON.parse(run.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(['date-future']);
		expect(run.status).toBe(1);
	});
});

describe('start-up', () => {
	it('check keeps its compiled modules for the next run, as Astro does, except in CI', () => {
		fixture = writeFixture({ 'specs/retry.md': good });
		const cacheFiles = (env: NodeJS.ProcessEnv) => {
			const tmp = fixture!.path(`tmp-${env['CI'] ? 'ci' : 'local'}`);
			mkdirSync(tmp);
			// Node's own switches would decide for the command: leave them out.
			const inherited: NodeJS.ProcessEnv = { ...ENV };
			delete inherited['NODE_COMPILE_CACHE'];
			delete inherited['NODE_DISABLE_COMPILE_CACHE'];
			expect(spawn(NODE, [CHECK], fixture!.root, { ...inherited, ...env, TMPDIR: tmp }).status).toBe(0);
			const cache = join(tmp, 'node-compile-cache');
			return existsSync(cache) ? readdirSync(cache, { recursive: true }).length : 0;
		};
		// Node puts the cache under os.tmpdir(); the command's own modules are in it.
		expect(cacheFiles({ CI: '' })).toBeGreaterThan(10);
		expect(cacheFiles({ CI: 'true' })).toBe(0);
	});
});
