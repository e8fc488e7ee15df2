/**
 * Files of the package's src/ folder (routes, components, the route middleware, the guide), which
 * Vite compiles in the host site. This module runs as TypeScript from src/ in this repository and
 * as JavaScript from the compiled copy (dist-js/, see tsconfig.cli.json) in node_modules: both sit
 * below the package root, found as the nearest folder with a package.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package root (absolute). */
export function packageRoot(): string {
	if (root) return root;
	for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
		if (existsSync(join(dir, 'package.json'))) return (root = dir);
		if (dirname(dir) === dir) throw new Error(`Specbook's package.json was not found above ${fileURLToPath(import.meta.url)}`);
	}
}

/** A file or folder of the package's src/, e.g. `sourcePath('routes')` (absolute). */
export const sourcePath = (path: string) => join(packageRoot(), 'src', path);
