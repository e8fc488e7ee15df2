/**
 * What a host site already has, read from its folders at config time: its pages (src/pages and the
 * `docs` collection's src/content/docs) for the collision check, and the top of its docs folder
 * for a sidebar that keeps listing its pages beside Specbook's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { join, relative } from 'node:path';
import type { StarlightUserConfig } from '@astrojs/starlight/types';
import type { SpecbookRoute } from './routes.ts';

type SidebarItem = NonNullable<StarlightUserConfig['sidebar']>[number];

/** A page of the host site. */
export interface HostPage {
	/** Its file relative to the project root, e.g. `src/content/docs/rfcs/specs.md`. */
	file: string;
	/** Its path, without slashes at either end (`rfcs/specs`; `''` for the home page). */
	path: string;
}

const PAGE_FILE = /\.(?:astro|md|mdx|mdoc|html|ts|js)$/u;
const DOCS_FILE = /\.(?:md|mdx|mdoc)$/u;

/** The host's pages with a fixed address: src/pages files without `[param]`, and every docs entry. */
export function hostPages(root: string): HostPage[] {
	const pages = filesUnder(root, 'src/pages', PAGE_FILE).filter((file) => !file.includes('['));
	const docs = filesUnder(root, 'src/content/docs', DOCS_FILE);
	return [
		...pages.map((file) => ({ file, path: pagePath(file.slice('src/pages/'.length), PAGE_FILE) })),
		// Starlight lower-cases a docs entry's path and turns spaces into dashes; a frontmatter `slug` replaces it.
		...docs.map((file) => ({ file, path: frontmatterOf(join(root, file))?.slug ?? pagePath(file.slice('src/content/docs/'.length), DOCS_FILE).toLowerCase().replace(/\s+/gu, '-') })),
	];
}

/**
 * One message per Specbook route that a host page would take the address of, naming both, e.g.
 * "Specbook's page /rfcs/specs/ (specs/index.astro) has the same address as src/content/docs/rfcs/specs.md".
 * A dynamic route (`/rfcs/specs/[...id]`) owns every address it can generate.
 */
export function routeCollisions(routes: readonly SpecbookRoute[], pages: readonly HostPage[]): string[] {
	const matchers = routes.map((route) => ({ route, matches: patternMatcher(route.pattern) }));
	return pages.flatMap((page) => {
		const route = matchers.find(({ matches }) => matches(page.path))?.route;
		if (!route) return [];
		return [`Specbook's route ${route.pattern} (src/routes/${route.file} in specbook) would have the same address as ${page.file}, the site's page /${page.path}${page.path ? '/' : ''}.`];
	});
}

/**
 * The sidebar entries Starlight would generate for the host's docs, one per top-level folder and
 * page of src/content/docs, in Starlight's order (`sidebar.order`, a folder taking its lowest, then
 * by name) and without the pages it hides (`sidebar.hidden`), so that appending Specbook's group
 * keeps them as they were.
 */
export function hostDocsSidebar(root: string): SidebarItem[] {
	const dir = join(root, 'src/content/docs');
	if (!existsSync(dir)) return [];
	const collator = new Intl.Collator();
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => (entry.isDirectory() || DOCS_FILE.test(entry.name)) && !entry.name.startsWith('.') && !entry.name.startsWith('_'))
		.flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				const orders = filesUnder(path, '.', DOCS_FILE).map((file) => sidebarMeta(join(path, file)).order ?? Number.MAX_VALUE);
				return [{ key: entry.name, order: Math.min(Number.MAX_VALUE, ...orders), item: { label: entry.name, items: [{ autogenerate: { directory: entry.name } }] } as SidebarItem }];
			}
			const meta = sidebarMeta(path);
			// A docs entry's id, as Starlight makes it: lower case, spaces as dashes.
			const slug = entry.name.replace(DOCS_FILE, '').toLowerCase().replace(/\s+/gu, '-');
			return meta.hidden ? [] : [{ key: slug, order: meta.order ?? Number.MAX_VALUE, item: { slug } as SidebarItem }];
		})
		.sort((a, b) => (a.order !== b.order ? a.order - b.order : collator.compare(a.key.toLowerCase(), b.key.toLowerCase())))
		.map(({ item }) => item);
}

/** A docs page's `sidebar.order` and `sidebar.hidden`, from its frontmatter. */
function sidebarMeta(file: string): { order?: number; hidden?: boolean } {
	const sidebar = frontmatterOf(file)?.sidebar;
	return { ...(typeof sidebar?.order === 'number' ? { order: sidebar.order } : {}), ...(sidebar?.hidden === true ? { hidden: true } : {}) };
}

/** What Starlight reads from a docs page's frontmatter that changes where or how it is listed; undefined without one (or when it does not parse). */
function frontmatterOf(file: string): { slug?: string; sidebar?: { order?: unknown; hidden?: unknown } } | undefined {
	const yaml = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/u.exec(readFileSync(file, 'utf8'))?.[1];
	if (!yaml) return undefined;
	try {
		const data = parseYaml(yaml) as { slug?: unknown; sidebar?: { order?: unknown; hidden?: unknown } } | null;
		if (!data || typeof data !== 'object') return undefined;
		return { ...(typeof data.slug === 'string' ? { slug: data.slug.replace(/^\/+|\/+$/gu, '') } : {}), ...(data.sidebar && typeof data.sidebar === 'object' ? { sidebar: data.sidebar } : {}) };
	} catch {
		return undefined;
	}
}

function filesUnder(root: string, folder: string, pattern: RegExp): string[] {
	const dir = join(root, folder);
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && pattern.test(entry.name))
		.map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** `rfcs/index.md` → `rfcs`, `guide.astro` → `guide`, `index.astro` → `''`. */
function pagePath(file: string, extension: RegExp): string {
	return file.replace(extension, '').replace(/(?:^|\/)index$/u, '');
}

/** Whether a route pattern can produce a path: `[param]` is one segment, `[...rest]` any number (or none). */
function patternMatcher(pattern: string): (path: string) => boolean {
	const segments = pattern.split('/').filter(Boolean);
	const source = segments
		.map((segment, index) => {
			const slash = index === 0 ? '' : '/';
			if (/^\[\.\.\..+\]$/u.test(segment)) return index === 0 ? '.*' : '(?:/.*)?';
			if (/^\[[^\]]+\]$/u.test(segment)) return `${slash}[^/]+`;
			return slash + segment.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
		})
		.join('');
	const regex = new RegExp(`^${source}$`, 'u');
	return (path) => regex.test(path);
}
