/**
 * Specbook's routes: every file of src/routes, injected at the plugin's `prefix` followed by its
 * path on the reference site (`specs/[...id].astro` → `/rfcs/specs/[...id]`). The folder is the
 * list, so a new page needs no registration; 404 is the site's own and only taken at the root.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SpecbookRoute {
	/** Astro's route pattern, e.g. `/rfcs/specs/[...id]`. */
	pattern: string;
	/** The route file (absolute). */
	entrypoint: string;
	/** The route file relative to src/routes, `/`-separated, e.g. `specs/[...id].astro`. */
	file: string;
}

const ROUTE_FILE = /\.(?:astro|ts)$/u;

/** The routes of `routesDir` (src/routes) under `prefix` (`/`, `/rfcs/`). */
export function specbookRoutes(routesDir: string, prefix: string): SpecbookRoute[] {
	const files = readdirSync(routesDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && ROUTE_FILE.test(entry.name))
		.map((entry) => relative(routesDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
		.sort();
	return files.flatMap((file) => {
		const pattern = routePattern(file, prefix);
		return pattern === undefined ? [] : [{ pattern, entrypoint: join(routesDir, file), file }];
	});
}

/**
 * A route file's pattern under `prefix`: the file's path without its extension (`.ts` endpoints
 * keep theirs: `feed.xml.ts` → `feed.xml`) or a trailing `index`. Undefined for 404 under a prefix:
 * a site has one 404 page, the host's.
 */
export function routePattern(file: string, prefix: string): string | undefined {
	const path = file.replace(ROUTE_FILE, '').replace(/(?:^|\/)index$/u, '');
	if (path === '404' && prefix !== '/') return undefined;
	return `${prefix}${path}`.replace(/(.)\/$/u, '$1');
}
