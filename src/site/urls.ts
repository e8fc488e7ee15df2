/**
 * Every internal link of the site is made here, so a non-root `base` (e.g. `/specbook/` on GitHub
 * Pages) is applied once and consistently. Pages and components never write `/specs/…` by hand.
 */
import type { Status } from '../core/model.ts';
import { statusSlug } from './status.ts';

/**
 * Prefix a site path (`/specs/x/`) with the configured base. `base` defaults to Vite's
 * `import.meta.env.BASE_URL`, which Astro sets from the `base` option.
 */
export function withBase(path: string, base: string = defaultBase()): string {
	const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
	return prefix + (path.startsWith('/') ? path : `/${path}`);
}

/**
 * Astro's base, through the exact `import.meta.env.BASE_URL` spelling Vite replaces at build time;
 * `/` where no bundler runs (plain Node, e.g. the CLI).
 */
function defaultBase(): string {
	return typeof import.meta.env === 'object' ? (import.meta.env.BASE_URL ?? '/') : '/';
}

/** The home page. */
export const homeUrl = (base?: string) => withBase('/', base);

/** The table of every spec. */
export const specsIndexUrl = (base?: string) => withBase('/specs/', base);

/** A spec's page, e.g. `/specs/payments/retry-policy/`. Ids are already lower-case and URL-safe. */
export const specUrl = (id: string, base?: string) =>
	withBase(`/specs/${id.split('/').map(encodeURIComponent).join('/')}/`, base);

/** The index of one status, e.g. `/status/in-review/`. */
export const statusUrl = (status: Status, base?: string) => withBase(`/status/${statusSlug(status)}/`, base);

/** Draft and In Review specs not updated for a while (src/site/stale.ts). */
export const staleUrl = (base?: string) => withBase('/status/stale/', base);

/** The list of every author. */
export const authorsIndexUrl = (base?: string) => withBase('/authors/', base);

/** One author's specs. */
export const authorUrl = (slug: string, base?: string) => withBase(`/authors/${encodeURIComponent(slug)}/`, base);

/** The roadmap across all specs (built by the timeline feature). */
export const timelineUrl = (base?: string) => withBase('/timeline/', base);

/**
 * The search page, optionally with a query or one facet pre-selected. The parameter names are the
 * search page's URL contract (`?q=…&status=…&author=…&tag=…`).
 */
export function searchUrl(params: { q?: string; status?: string; author?: string; tag?: string } = {}, base?: string) {
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
	const search = query.toString();
	return withBase('/search/', base) + (search ? `?${search}` : '');
}

/** The JSON API. */
export const apiUrl = (base?: string) => withBase('/api/specs.json', base);

/** The RSS feed. */
export const feedUrl = (base?: string) => withBase('/feed.xml', base);

/** Status changes across specs, newest first (src/site/history.ts). */
export const changesUrl = (base?: string) => withBase('/changes/', base);

/** The RSS feed of status changes. */
export const changesFeedUrl = (base?: string) => withBase('/changes.xml', base);


/**
 * Where a spec's source can be edited: the configured base followed by the spec's path
 * (`specs/payments/retry.md`). Undefined when no base is configured, or when the specs folder is
 * outside the project (`SPECS_DIR=../elsewhere`), where the repository path is unknown.
 */
export function editUrl(path: string, editLinkBase: string | undefined): string | undefined {
	if (!editLinkBase || path.startsWith('../') || path.startsWith('/')) return undefined;
	return (editLinkBase.endsWith('/') ? editLinkBase : `${editLinkBase}/`) + path.replace(/^\.?\//, '');
}
