/**
 * The sidebar: a fixed list of links to the indexes, never one entry per spec. Starlight lists every
 * sidebar entry on every page, so a per-spec sidebar makes each page grow with the number of specs
 * (1,000 specs measured 231 MB of HTML). Counts are added per page by the route middleware, from
 * the same collection the pages read, so they are never stale in `astro dev`.
 */
import type { StarlightUserConfig } from '@astrojs/starlight/types';
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { STATUSES, type Status } from '../core/statuses.ts';
import { guideSidebarGroup } from './guide/nav.ts';
import { statusSlug } from './status.ts';
import { withBase } from './urls.ts';

/** Marks a sidebar link whose label gets a count; removed before the page is rendered. */
export const COUNT_ATTRIBUTE = 'data-specbook-count';

/**
 * Marks Specbook's own links: its pages are not translated, so on a page of another locale they
 * still lead to them, not to a `/fr/…` copy Starlight's locale prefix would point at. Removed
 * before the page is rendered.
 */
export const LINK_ATTRIBUTE = 'data-specbook-link';

/** What a counted link counts: all specs, one status, stale specs, or authors. */
export type CountKey = 'specs' | 'authors' | 'stale' | Status;

type SidebarConfig = NonNullable<StarlightUserConfig['sidebar']>;

type SidebarItem = SidebarConfig[number];

/** The label of Specbook's group in a host site's sidebar. */
export const SIDEBAR_GROUP_LABEL = 'Specs';

/**
 * The sidebar handed to Starlight: the host's own entries (its `sidebar`, else its docs pages)
 * followed by Specbook's group. Alone (the reference site), Specbook's entries are the sidebar.
 */
export function sidebarConfig(host: readonly SidebarItem[], prefix = '/'): SidebarConfig {
	const entries = specbookSidebar(prefix);
	return host.length === 0 ? entries : [...host, { label: SIDEBAR_GROUP_LABEL, items: entries }];
}

/** Specbook's entries. Links are site paths under the prefix; Starlight adds the base. */
export function specbookSidebar(prefix = '/'): SidebarConfig {
	const at = (path: string) => withBase(path, prefix);
	const own = (label: string, link: string, attrs: Record<string, string> = {}) => ({ label, link: at(link), attrs: { ...attrs, [LINK_ATTRIBUTE]: '' } });
	const counted = (label: string, link: string, key: CountKey) => own(label, link, { [COUNT_ATTRIBUTE]: key });
	const guide = guideSidebarGroup();
	return [
		counted('Specs', '/specs/', 'specs'),
		{
			label: 'By status',
			items: [
				...STATUSES.map((status) => counted(status, `/status/${statusSlug(status)}/`, status)),
				// Not a status: Draft and In Review specs untouched for `staleAfterDays` (src/site/stale.ts).
				counted('Stale', '/status/stale/', 'stale'),
			],
		},
		counted('Authors', '/authors/', 'authors'),
		own('Roadmap', '/timeline/'),
		own('Search', '/search/'),
		// Collapsed except on guide pages (Starlight opens the group holding the current page).
		{ ...guide, items: guide.items.map((item) => ({ ...item, ...own(item.label, item.link) })), collapsed: true },
	];
}

type SidebarEntries = StarlightRouteData['sidebar'];

/**
 * Append counts to the marked links (`Specs (12)`), in place. Used on each page's own copy of the
 * sidebar (Starlight deep-clones route data before middleware runs).
 */
export function addSidebarCounts(entries: SidebarEntries, counts: Record<CountKey, number>): void {
	forEachSidebarLink(entries, (entry) => {
		const key = entry.attrs[COUNT_ATTRIBUTE] as CountKey | undefined;
		if (key === undefined) return;
		delete entry.attrs[COUNT_ATTRIBUTE];
		if (key in counts) entry.label = `${entry.label} (${counts[key]})`;
	});
}

/**
 * Specbook's links without the locale prefix Starlight gave them on a page of another locale
 * (`/fr/rfcs/specs/` → `/rfcs/specs/`), and without their marker, in place. `base` is Astro's.
 */
export function unlocalizeOwnLinks(entries: SidebarEntries, locale: string | undefined, base: string): void {
	const root = base.replace(/\/$/u, '');
	const localized = `${root}/${locale}/`;
	forEachSidebarLink(entries, (entry) => {
		if (!(LINK_ATTRIBUTE in entry.attrs)) return;
		delete entry.attrs[LINK_ATTRIBUTE];
		if (locale && entry.href.startsWith(localized)) entry.href = `${root}/${entry.href.slice(localized.length)}`;
	});
}

type SidebarLink = Extract<SidebarEntries[number], { type: 'link' }>;

/** Calls `visit` with every link of a sidebar, groups' links included, in the order they are shown. */
export function forEachSidebarLink(entries: SidebarEntries, visit: (link: SidebarLink) => void): void {
	for (const entry of entries) {
		if (entry.type === 'group') forEachSidebarLink(entry.entries, visit);
		else visit(entry);
	}
}
