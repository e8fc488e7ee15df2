/**
 * The resolved context: the settings, paths and "today" that the CLI commands, the content
 * loader, the Starlight plugin and the pages work with, resolved once and handed to each of them.
 * This is the only module that reads the process's environment, working directory and clock, so
 * two parts of one run can never disagree about where the specs are or what day it is.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isIsoDate, utcDate } from './core/dates.ts';
import { relativePath } from './core/paths.ts';
import type { SpecbookConfig } from './integration/config.ts';

/** Everything resolved: the settings of specbook.config.ts with the specs folder and today made definite. */
export interface SpecbookContext extends Omit<SpecbookConfig, 'specsDir'> {
	/** The project root (absolute): Astro's `root` for the site, the folder of specbook.config.ts or package.json for the CLI. */
	root: string;
	/**
	 * The folder spec paths are written relative to (absolute): the working directory for the CLI,
	 * whose output names files as the shell sees them; the project root for the site.
	 */
	cwd: string;
	/** The specs folder relative to `cwd`, `/`-separated (`SPECS_DIR`, else the setting `specsDir`). */
	specsDir: string;
	/**
	 * Today (ISO `YYYY-MM-DD`): `SPECBOOK_TODAY` when set, else the date in UTC when the context was
	 * resolved. `check`, the schedule warnings, the stale marks and the pages all use this one value;
	 * the latest allowed Last Updated is derived from it (latestAllowedDate in src/core/dates.ts).
	 */
	today: string;
}

/** What the context is resolved from; `env` and `now` are the process's unless given (tests fake them). */
export interface ContextSources {
	/** The project root (absolute). */
	root: string;
	/** What spec paths are relative to (absolute); the root by default. */
	cwd?: string;
	/** The validated settings (specbook.config.ts or the plugin's options). */
	config: SpecbookConfig;
	env?: Readonly<Record<string, string | undefined>>;
	now?: Date;
}

export function resolveContext({ root: rootGiven, cwd: cwdGiven = rootGiven, config, env = process.env, now = new Date() }: ContextSources): SpecbookContext {
	// Astro's root is a folder URL: its path ends in a slash, which `resolve` drops.
	const [root, cwd] = [resolve(rootGiven), resolve(cwdGiven)];
	const { specsDir: configured, ...settings } = config;
	const specsDir = env['SPECS_DIR']?.trim() || configured;
	return { ...settings, root, cwd, specsDir: relativePath(cwd, resolve(root, specsDir)), today: todayFrom(env, now) };
}

/** `SPECBOOK_TODAY` (for reproducible builds and tests), else the UTC date of `now`. */
function todayFrom(env: Readonly<Record<string, string | undefined>>, now: Date): string {
	const fixed = env['SPECBOOK_TODAY']?.trim();
	if (!fixed) return utcDate(now);
	if (!isIsoDate(fixed)) throw new Error(`SPECBOOK_TODAY must be a real date written YYYY-MM-DD, not "${fixed}".`);
	return fixed;
}

/** The CLI's context, and what it needs to know about how npm passed its arguments. */
export interface CliContext extends SpecbookContext {
	/** npm took a `--dir` meant for the command as its own option (it then sets `npm_config_dir`). */
	npmTookDir: boolean;
}

/**
 * The context of a CLI command: the project root is found from the working directory
 * (findProjectRoot); spec paths stay relative to the working directory.
 */
export async function resolveCliContext({ cwd = process.cwd(), env = process.env, now = new Date() }: { cwd?: string; env?: Readonly<Record<string, string | undefined>>; now?: Date } = {}): Promise<CliContext> {
	const root = findProjectRoot(cwd);
	// Imported here so the CLI entries can take inheritedEnvironment() without loading zod first.
	const { loadConfig } = await import('./cli/config.ts');
	const context = resolveContext({ root, cwd, config: await loadConfig(root), env, now });
	return { ...context, npmTookDir: env['npm_config_dir'] !== undefined };
}

/**
 * The nearest folder from `from` up that holds specbook.config.ts, else the nearest that holds
 * package.json (a workspace package inside the project does not hide the settings), else `from`.
 */
export function findProjectRoot(from: string): string {
	return nearestHolding(from, 'specbook.config.ts') ?? nearestHolding(from, 'package.json') ?? resolve(from);
}

function nearestHolding(from: string, name: string): string | undefined {
	for (let dir = resolve(from); ; dir = dirname(dir)) {
		if (existsSync(join(dir, name))) return dir;
		if (dirname(dir) === dir) return undefined;
	}
}

/**
 * The environment this process hands to its worker threads and child processes (the compile
 * cache, Pagefind): settings for them are written here.
 */
export function inheritedEnvironment(): NodeJS.ProcessEnv {
	return process.env;
}
