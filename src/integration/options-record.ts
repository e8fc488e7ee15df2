/**
 * Where `specbook(options)` leaves its options for the CLI, which learns a host site's settings by
 * evaluating its astro.config.* (src/cli/config.ts). A global symbol rather than a module variable:
 * the config may load the plugin from another copy of this module (the package's compiled one).
 */
const KEY = Symbol.for('specbook.options');

type Holder = { [KEY]?: unknown };

/** Called by the plugin with the options as written. */
export function recordOptions(options: unknown): void {
	(globalThis as Holder)[KEY] = options;
}

/** The options of the last `specbook(…)` call in this process, if any. */
export function recordedOptions(): unknown {
	return (globalThis as Holder)[KEY];
}
