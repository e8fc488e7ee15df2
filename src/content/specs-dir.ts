/**
 * Where the specs live: `SPECS_DIR` (a folder relative to the project root, or absolute), default
 * `specs`. Read by the loader and by the Starlight plugin, so both always agree.
 */
import { isAbsolute, relative } from 'node:path';

export const DEFAULT_SPECS_DIR = 'specs';

/**
 * The specs folder relative to the working directory, `/`-separated, without a trailing slash —
 * the form src/core expects (spec paths and ids are derived from it).
 */
export function getSpecsDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
	let dir = (env.SPECS_DIR ?? '').trim();
	if (!dir) return DEFAULT_SPECS_DIR;
	if (isAbsolute(dir)) dir = relative(cwd, dir) || '.';
	return dir.replace(/\\/g, '/').replace(/^\.\/(?=.)/, '').replace(/\/+$/, '') || '.';
}
