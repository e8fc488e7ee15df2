/**
 * Node's on-disk compile cache for the CLI commands, enabled the way Astro's and Vite's own bins
 * do: a run then reuses the modules the last run compiled (types stripped) instead of compiling
 * them again, in this thread and in its workers. Off in CI, where a fresh machine would write the
 * cache and never read it.
 */
import module from 'node:module';

export function enableCompileCache(): void {
	if (process.env['CI']) return;
	try {
		module.enableCompileCache?.();
	} catch {
		// An unwritable cache folder only costs the speed-up.
	}
}
