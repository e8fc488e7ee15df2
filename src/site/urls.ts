/**
 * Every internal link of the site is made here, so a non-root `base` (e.g. `/specbook/` on GitHub
 * Pages) and the plugin's `prefix` (e.g. `/rfcs/` in a host site) are applied once and
 * consistently. Pages and components never write `/specs/…` by hand.
 */
import type { Status } from '../core/model.ts';
import { statusSlug } from './status.ts';

/**
 * Prefix a Specbook path (`/specs/x/`, its path on the reference site) with where Specbook's
 * routes start. `base` defaults to Astro's base followed by the plugin's prefix (routesBase()).
 */
export function withBase(path: string, base: string = defaultBase()): string {
	const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
	return prefix + (path.startsWith('/') ? path : `/${path}`);
}

/** Where Specbook's routes start: Astro's `base` followed by the plugin's `prefix` (`/docs/` + `/rfcs/` → `/docs/rfcs/`). */
export function routesBase(base: string, prefix: string): string {
	return withBase(prefix.endsWith('/') ? prefix : `${prefix}/`, base);
}

/**
 * Astro's base and Specbook's prefix, through the exact `import.meta.env.BASE_URL` and
 * `import.meta.env.SPECBOOK_PREFIX` spellings Vite replaces at build time (the plugin defines the
 * second); `/` where no bundler runs (plain Node, e.g. the CLI).
 */
function defaultBase(): string {
	if (typeof import.meta.env !== 'object') return '/';
	return routesBase(import.meta.env.BASE_URL ?? '/', import.meta.env.SPECBOOK_PREFIX ?? '/');
}

/** The home page. */
export const homeUrl = (base?: string) => withBase('/', base);

/** The table of every spec. */
export const specsIndexUrl = (base?: string) => withBase('/specs/', base);

/**
 * The pages of the long indexes (src/site/index-pages.ts), one scheme for both:
 * - the default order's pages are built: page 1 at the index's own address, then
 *   `/specs/_pages/2/` (under `_pages/`, a name no spec can have: files starting with `_` are not
 *   published) and `/status/draft/2/`;
 * - another order is the same page with `?sort=<key>`, e.g. `/specs/_pages/2/?sort=feature-ascending`
 *   (a column and direction, src/site/table.ts) or `/status/draft/?sort=feature` (a key of
 *   src/site/list-sort.ts). The page's script shows that order from sortIndexUrl().
 */
export const SORT_PARAM = 'sort';

/** One page of the table of every spec, in an order other than the default when `sort` is given. */
export function specsPageUrl(view: { sort?: string | undefined; page?: number }, base?: string) {
	const page = pageSegment(view.page);
	const path = page ? withBase(`/specs/_pages/${page}`, base) : specsIndexUrl(base);
	return path + sortQuery(view.sort);
}

/** The compact index of every spec that paged indexes sort from (src/site/sort-index.ts). */
export const sortIndexUrl = (base?: string) => withBase('/specs/_index.json', base);

/** A spec's page, e.g. `/specs/payments/retry-policy/`. Ids are already lower-case and URL-safe. */
export const specUrl = (id: string, base?: string) =>
	withBase(`/specs/${id.split('/').map(encodeURIComponent).join('/')}/`, base);

/** The index of one status, e.g. `/status/in-review/`. */
export const statusUrl = (status: Status, base?: string) => withBase(`/status/${statusSlug(status)}/`, base);

/** One page of a status's index (scheme at SORT_PARAM), e.g. `/status/draft/2/?sort=feature`. */
export function statusPageUrl(status: Status, view: { sort?: string | undefined; page?: number }, base?: string) {
	return withBase(`/status/${statusSlug(status)}/${pageSegment(view.page)}`, base) + sortQuery(view.sort);
}

const sortQuery = (sort: string | undefined) => (sort ? `?${SORT_PARAM}=${encodeURIComponent(sort)}` : '');

/** A page's segment of a paged address, `2/`: none for the first page, which is the index's own address. */
const pageSegment = (page: number | undefined) => (page !== undefined && page > 1 ? `${page}/` : '');

/** Draft and In Review specs not updated for a while (src/site/stale.ts), a page at a time: `/status/stale/2/`. */
export const staleUrl = (base?: string, page = 1) => withBase(`/status/stale/${pageSegment(page)}`, base);

/** The list of every author. */
export const authorsIndexUrl = (base?: string) => withBase('/authors/', base);

/** One author's specs. */
export const authorUrl = (slug: string, base?: string) => withBase(`/authors/${encodeURIComponent(slug)}/`, base);

/** The roadmap across all specs (built by the timeline feature): today's window. */
export const timelineUrl = (base?: string) => withBase('/timeline/', base);

/**
 * One page of the roadmap: a window (its key, `2027-q3`; none for today's window, which keeps
 * `/timeline/`), optionally one status, and a page number past the first, e.g.
 * `/timeline/2027-q3/draft/`, `/timeline/draft/` or `/timeline/2027-q3/2/`.
 */
export function roadmapUrl(view: { window?: string | undefined; status?: Status | undefined; page?: number }, base?: string) {
	const segments = [view.window, view.status && statusSlug(view.status)].filter(Boolean);
	return withBase(`/timeline/${segments.map((segment) => `${segment}/`).join('')}${pageSegment(view.page)}`, base);
}

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
