/**
 * Builds a site the way a user does: the project's pages over a specs folder (`SPECS_DIR`), with
 * Astro's programmatic `build()` into an outDir of its own. Builds in one checkout share `.astro/`
 * and the content cache, so they run one after another: the fixtures from the vitest globalSetup
 * (test/setup/fixtures.ts); afterwards only the test that tampers with the cache builds, into a
 * cache folder of its own.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where astro.config.mjs is). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The date the fixtures are built "on", so date rules and today markers do not drift. */
export const FIXTURE_TODAY = '2026-11-26';

export interface BuildOptions {
	/** Astro's `base`, e.g. `/docs/`. */
	base?: string;
	/** Astro's `site`. */
	site?: string;
	/** Another Astro config file (relative to the root), e.g. one setting plugin options. */
	config?: string;
	/** The build's today (`SPECBOOK_TODAY`), FIXTURE_TODAY by default. */
	today?: string;
	/** Astro's cache folder (absolute), for a build that must not share the project's content cache. */
	cacheDir?: string;
	/** Runs just before the build (e.g. to tamper with the cache). */
	beforeBuild?: () => void;
	/** Runs just after the build (e.g. to read the shared cache); what it returns is kept as `captured`. */
	afterBuild?: () => string | void;
}

/** What a build leaves, as plain data: globalSetup hands it to the test files through `provide`. */
export interface BuildResult {
	/** The specs folder relative to the root, as it appears in spec paths (`SPECS_DIR` may be absolute). */
	specsDir: string;
	outDir: string;
	/** 0 when the build succeeded, 1 when it threw. */
	exitCode: number;
	/** Astro's log and, for a failed build, its error and hint, colours stripped. */
	output: string;
	/** What `afterBuild` returned. */
	captured?: string;
}

export interface BuiltSite extends BuildResult {
	/** A file of the build, by site path (`/specs/x/` reads `specs/x/index.html`). */
	read(path: string): string;
	exists(path: string): boolean;
	/** Every file written, relative to outDir. */
	files(): string[];
	cleanup(): void;
}

/** The fixture's specs folder, relative to the root. */
export const fixtureSpecsDir = (scenario: string) => `test/fixtures/${scenario}/specs`;

/**
 * What vitest puts into `process.env` for its own Vite (`BASE_URL`, `MODE`, `NODE_ENV=test`…):
 * Astro's Vite would pick them up, and `BASE_URL=/` silently overrides `base`.
 */
const VITEST_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'];

/** The environment without what vitest adds for its own Vite, for an Astro command run as a child process. */
export function cleanEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (VITEST_VARIABLES.includes(key) || key.startsWith('VITEST')) delete env[key];
	return env;
}

/** Build the site from any specs folder (relative to the root, or absolute). Never call it while another build runs. */
export async function buildSpecsDir(specsDir: string, options: BuildOptions = {}): Promise<BuiltSite> {
	return siteOf(await buildSite(specsDir, options));
}

/** {@link buildSpecsDir}'s result as plain data. */
export async function buildSite(specsDir: string, options: BuildOptions = {}): Promise<BuildResult> {
	const outDir = mkdtempSync(join(tmpdir(), 'specbook-site-'));
	// An empty existing outDir would hide "no pages written", so start absent.
	rmSync(outDir, { recursive: true, force: true });
	const { build } = await import('astro');
	const saved = { ...process.env };
	for (const key of Object.keys(process.env)) if (VITEST_VARIABLES.includes(key) || key.startsWith('VITEST')) delete process.env[key];
	// The fixture folders under test/ are plain folders to the build, not part of this repository:
	// their git history (whoever last committed them) must not change what the tests see.
	const GIT_CEILING_DIRECTORIES = join(ROOT, 'test');
	Object.assign(process.env, { SPECS_DIR: specsDir, SPECBOOK_TODAY: options.today ?? FIXTURE_TODAY, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', GIT_CEILING_DIRECTORIES });
	let output = '';
	let exitCode = 0;
	const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
	const capture = ((chunk: string | Uint8Array) => {
		output += String(chunk);
		return true;
	}) as typeof process.stdout.write;
	options.beforeBuild?.();
	process.stdout.write = capture;
	process.stderr.write = capture;
	try {
		await build({
			root: ROOT,
			outDir,
			// Astro joins configFile to root: it takes the path relative to the root.
			...(options.config ? { configFile: options.config } : {}),
			...(options.base ? { base: options.base } : {}),
			...(options.site ? { site: options.site } : {}),
			...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
		});
	} catch (error) {
		exitCode = 1;
		const { message, hint } = error as { message?: string; hint?: string };
		output += `${message ?? String(error)}\n${hint ? `Hint: ${hint}\n` : ''}`;
	} finally {
		process.stdout.write = writes.stdout;
		process.stderr.write = writes.stderr;
		for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
		Object.assign(process.env, saved);
	}
	const captured = options.afterBuild?.();
	return {
		specsDir: isAbsolute(specsDir) ? relative(ROOT, specsDir) : specsDir,
		outDir,
		exitCode,
		output: stripAnsi(output),
		...(typeof captured === 'string' ? { captured } : {}),
	};
}

/** Reading helpers over a build's result. */
export function siteOf(result: BuildResult): BuiltSite {
	const { outDir } = result;
	const file = (path: string) => join(outDir, path.endsWith('/') ? `${path}index.html` : path);
	return {
		...result,
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

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
