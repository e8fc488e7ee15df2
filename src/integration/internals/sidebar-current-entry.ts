// Relies on Starlight marking the current link (`isCurrent`) on one sidebar shared by all pages and copying it later; with pages rendering two at a time, a page's sidebar could otherwise highlight another page's link.
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { forEachSidebarLink } from '../../site/sidebar.ts';

type SidebarEntries = StarlightRouteData['sidebar'];

/**
 * Marks the link to the page at `pathname` (as requested, with the base) as current, and no
 * other, on the page's own copy of the sidebar. Starlight marks it on one sidebar shared by all
 * pages and copies that a few steps later; with two pages rendering at once (`build.concurrency`
 * in astro.config.mjs), the other page can move the mark in between. Matching is Starlight's:
 * the first link whose path, without `.html` or a trailing slash, is the page's.
 */
export function markCurrentEntry(entries: SidebarEntries, pathname: string): void {
	const target = comparablePath(pathname);
	let found = false;
	forEachSidebarLink(entries, (entry) => {
		entry.isCurrent = !found && comparablePath(encodeURI(entry.href)) === target;
		found ||= entry.isCurrent;
	});
}

/** `/specs/`, `/specs` and `/specs.html` alike, as Starlight compares sidebar links with pages. */
function comparablePath(path: string): string {
	const withoutExtension = path.replace(/\.html$/u, '');
	return withoutExtension === '/' ? withoutExtension : withoutExtension.replace(/\/$/u, '');
}
