/**
 * A Vite plugin that rewrites one module of a dependency with a patch of src/integration/internals/.
 * When the patch finds nothing to change, the dependency has moved on: `warn` says what the site
 * loses, and the module is served as it is. `sawModule()` tells whether the module came by at all
 * (after a build, never means the patch could not apply either).
 */
export function modulePatchPlugin(options: {
	/** The plugin's name, `specbook:<patch>`. */
	name: string;
	/** The patched module's file path. */
	module: RegExp;
	/** The module's code patched; the same code when the patch does not apply. */
	patch: (code: string) => string;
	/** What the site loses when the patch does not apply. */
	warning: string;
	warn: (message: string) => void;
}) {
	let seen = false;
	return {
		name: options.name,
		sawModule: () => seen,
		transform(code: string, id: string) {
			if (!options.module.test(id.split('?')[0] ?? '')) return null;
			seen = true;
			const patched = options.patch(code);
			if (patched === code) options.warn(options.warning);
			return { code: patched, map: null };
		},
	};
}
