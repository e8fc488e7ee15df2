/**
 * Node's on-disk compile cache for the CLI commands, enabled the way Astro's and Vite's own bins
 * do (and, like Astro's, not in CI, where a fresh machine would write the cache and never read
 * it): a run then reuses the modules the last run compiled, types stripped, instead of compiling
 * them again.
 */
import module from 'node:module';

/**
 * Enables the cache for this thread and, through `NODE_COMPILE_CACHE`, which worker threads and
 * child processes inherit, for the analysis workers too. A cache that cannot be used (an
 * unwritable folder) only costs the speed-up.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv): void {
	if (env['CI']) return;
	const { directory } = module.enableCompileCache();
	if (directory) env['NODE_COMPILE_CACHE'] ??= directory;
}
