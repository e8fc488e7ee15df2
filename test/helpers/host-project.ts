/**
 * A Starlight site of someone else's, in a temporary folder, with Specbook installed from its
 * `npm pack` tarball: the way a team adds Specbook to its docs (test/integration/package.test.ts).
 * Packages come from the registry through npm's cache (`--prefer-offline`), at the versions this
 * repository uses; commands run with this test's Node (Astro 7 needs Node 22+, the system's may be
 * older) and without what vitest adds to the environment (cleanEnv()).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { cleanEnv, FIXTURE_TODAY, ROOT } from './build-fixture.ts';

export interface CommandResult {
	status: number | null;
	/** stdout then stderr, colours off. */
	output: string;
	stdout: string;
}

/** The version of a package installed in this repository (the host gets the same). */
export const installedVersion = (name: string): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** Run a command in `cwd` with this process's Node first on the PATH. */
export function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): CommandResult {
	const result = spawnSync(command, args, {
		cwd,
		encoding: 'utf8',
		env: {
			...cleanEnv(),
			PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`,
			ASTRO_TELEMETRY_DISABLED: '1',
			NO_COLOR: '1',
			FORCE_COLOR: '0',
			SPECBOOK_TODAY: FIXTURE_TODAY,
			// The temporary folder is nobody's repository: no git history from an enclosing one.
			GIT_CEILING_DIRECTORIES: tmpdir(),
			npm_config_update_notifier: 'false',
			...env,
		},
		maxBuffer: 64 * 1024 * 1024,
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

/** Run a command that must succeed; its output is the error otherwise. */
export function runOk(command: string, args: readonly string[], cwd: string): CommandResult {
	const result = run(command, args, cwd);
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}) in ${cwd}:\n${result.output}`);
	return result;
}

/** `npm pack` of this repository (its `prepack` compiles the bin), into a temporary folder: the tarball's path. */
export function packSpecbook(): string {
	const dir = mkdtempSync(join(tmpdir(), 'specbook-pack-'));
	runOk('npm', ['pack', '--pack-destination', dir, '--silent', '--no-fund', '--no-audit'], ROOT);
	const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack wrote no tarball into ${dir}`);
	return join(dir, tarball);
}

export interface HostProject {
	root: string;
	write(path: string, text: string): void;
	remove(path: string): void;
	/** `astro build` into dist/. */
	build(): CommandResult;
	/** A built file by site path (`/rfcs/specs/` reads `dist/rfcs/specs/index.html`). */
	read(path: string): string;
	cleanup(): void;
}

/**
 * A fresh Starlight project: a minimal package.json with astro, @astrojs/starlight and `extra`
 * packages at this repository's versions, then `npm install <tarball>`, then `files`.
 */
export function hostProject(tarball: string, files: Record<string, string>, extra: readonly string[] = []): HostProject {
	const root = mkdtempSync(join(tmpdir(), 'specbook-host-'));
	const dependencies = Object.fromEntries(['astro', '@astrojs/starlight', ...extra].map((name) => [name, installedVersion(name)]));
	writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'acme-docs', private: true, type: 'module', dependencies }, null, 2)}\n`);
	runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], root);
	const write = (path: string, text: string) => {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	};
	for (const [path, text] of Object.entries(files)) write(path, text);
	return {
		root,
		write,
		remove: (path) => rmSync(join(root, path), { recursive: true, force: true }),
		build: () => run(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], root),
		read: (path) => readFileSync(join(root, 'dist', path.endsWith('/') ? `${path}index.html` : path), 'utf8'),
		cleanup: () => rmSync(root, { recursive: true, force: true }),
	};
}

/** A fixture spec's text (test/fixtures/<scenario>/specs/<path>). */
export const fixtureSpec = (scenario: string, path: string) => readFileSync(join(ROOT, 'test/fixtures', scenario, 'specs', path), 'utf8');
