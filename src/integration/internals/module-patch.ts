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
			// A patch that would change what the module exports was written for another version: the
			// module's importers would break, so it is served as it is.
			if (patched === code || !sameNames(exportedNames(patched), exportedNames(code))) {
				options.warn(options.warning);
				return { code, map: null };
			}
			return { code: patched, map: null };
		},
	};
}

/** The names an ES module exports, as bundled dependencies write them (declarations and `export { … }` lists). */
export function exportedNames(code: string): Set<string> {
	const names = new Set<string>();
	for (const [, name] of code.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|class|const|let|var)\s+([\w$]+)/gmu)) names.add(name!);
	for (const [, list] of code.matchAll(/^export\s*\{([^}]*)\}/gmu)) {
		for (const part of list!.split(',')) {
			const name = part.trim().split(/\s+as\s+/u).pop();
			if (name) names.add(name);
		}
	}
	return names;
}

const sameNames = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((name) => b.has(name));
