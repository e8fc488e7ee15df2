/**
 * Builds a fixture site: the project's pages over `test/fixtures/<scenario>/specs/` (through
 * `SPECS_DIR`, as a user would), into a temp `--outDir`. Builds share the project's `.astro/` and
 * content cache, so they take turns through a lock (test files run in parallel workers).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where astro.config.mjs is). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The date the fixtures are built "on", so date rules and today markers do not drift. */
export const FIXTURE_TODAY = '2026-11-26';

export interface BuildOptions {
	/** Astro's `--base`, e.g. `/docs/`. */
	base?: string;
	/** Astro's `--site`. */
	site?: string;
	/** Another Astro config file (relative to the root), e.g. one setting plugin options. */
	config?: string;
	/** The build's today (`SPECBOOK_TODAY`), FIXTURE_TODAY by default. */
	today?: string;
	/** Runs just before the build, while no other build runs (e.g. to tamper with the shared cache). */
	beforeBuild?: () => void;
	/** Runs just after the build, before another build can run (e.g. to read the shared cache). */
	afterBuild?: () => void;
}

export interface BuiltSite {
	/** The specs folder relative to the root, as it appears in spec paths (`SPECS_DIR` may be absolute). */
	specsDir: string;
	outDir: string;
	exitCode: number;
	/** stdout and stderr together, colours stripped. */
	output: string;
	/** A file of the build, by site path (`/specs/x/` reads `specs/x/index.html`). */
	read(path: string): string;
	exists(path: string): boolean;
	/** Every file written, relative to outDir. */
	files(): string[];
	cleanup(): void;
}

/** The fixture's specs folder, relative to the root. */
export const fixtureSpecsDir = (scenario: string) => `test/fixtures/${scenario}/specs`;

/** Build the site from `test/fixtures/<scenario>/specs/`. */
export function buildFixture(scenario: string, options: BuildOptions = {}): Promise<BuiltSite> {
	const specsDir = fixtureSpecsDir(scenario);
	if (!existsSync(join(ROOT, specsDir))) throw new Error(`No fixture folder ${specsDir}`);
	return buildSpecsDir(specsDir, options);
}

/** Build the site from any specs folder (relative to the root, or absolute). */
export async function buildSpecsDir(specsDir: string, options: BuildOptions = {}): Promise<BuiltSite> {
	const outDir = mkdtempSync(join(tmpdir(), 'specbook-site-'));
	// Astro writes into outDir; an empty existing dir would hide "no pages written", so start absent.
	rmSync(outDir, { recursive: true, force: true });
	const args = ['build', '--outDir', outDir];
	if (options.base) args.push('--base', options.base);
	if (options.site) args.push('--site', options.site);
	if (options.config) args.push('--config', options.config);
	const { exitCode, output } = await withBuildLock(async () => {
		options.beforeBuild?.();
		const result = await run(join(ROOT, 'node_modules/.bin/astro'), args, { SPECS_DIR: specsDir, SPECBOOK_TODAY: options.today ?? FIXTURE_TODAY });
		options.afterBuild?.();
		return result;
	});
	const file = (path: string) => join(outDir, path.endsWith('/') ? `${path}index.html` : path);
	return {
		specsDir: isAbsolute(specsDir) ? relative(ROOT, specsDir) : specsDir,
		outDir,
		exitCode,
		output,
		read: (path) => readFileSync(file(path), 'utf8'),
		exists: (path) => existsSync(file(path)),
		files: () =>
			existsSync(outDir)
				? readdirSync(outDir, { recursive: true, withFileTypes: true })
						.filter((entry) => entry.isFile())
						.map((entry) => relative(outDir, join(entry.parentPath, entry.name)))
				: [],
		cleanup: () => rmSync(outDir, { recursive: true, force: true }),
	};
}

function run(command: string, args: string[], env: Record<string, string>): Promise<{ exitCode: number; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: ROOT,
			env: { ...cleanEnv(), ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ exitCode: code ?? 1, output: stripAnsi(output) }));
	});
}

/**
 * The environment without what vitest adds for its own Vite (`BASE_URL`, `MODE`, `NODE_ENV=test`…),
 * which the child's Vite would otherwise pick up: `BASE_URL=/` silently overrides `--base`.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[key];
	for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
	return env;
}

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** One build at a time per project: a lock directory holding the owner's pid (stale locks are taken over). */
export async function withBuildLock<T>(task: () => Promise<T>): Promise<T> {
	const lock = join(tmpdir(), `specbook-build-lock-${Buffer.from(ROOT).toString('hex').slice(-32)}`);
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			break;
		} catch {
			const owner = Number(readFileSafe(join(lock, 'pid')));
			if (owner && !isAlive(owner)) rmSync(lock, { recursive: true, force: true });
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
	try {
		return await task();
	} finally {
		rmSync(join(lock, 'pid'), { force: true });
		rmdirSync(lock);
	}
}

function readFileSafe(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
