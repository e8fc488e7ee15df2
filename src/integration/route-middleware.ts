/**
 * Per-page route data changes, on every Starlight page:
 * - counts on the sidebar's index links (`Specs (12)`, `Draft (4)`), counted here rather than at
 *   config time so they follow edits in `astro dev` and come from the same parsed collection as
 *   the pages;
 * - no second "Overview" in the table of contents of a spec (see internals/toc-top-entry.ts);
 * - Specbook's links kept off a locale's prefix (its pages are not translated);
 * - the current page's link marked on the page's own sidebar, as pages render two at a time
 *   (see internals/sidebar-current-entry.ts).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import config from 'virtual:specbook/config';
import { getSpecs } from '../content/query.ts';
import { authorsOf } from '../site/specs.ts';
import { staleSpecs } from '../site/stale.ts';
import { countByStatus } from '../site/status.ts';
import { addSidebarCounts, unlocalizeOwnLinks, type CountKey } from '../site/sidebar.ts';
import { markCurrentEntry } from './internals/sidebar-current-entry.ts';
import { dropDuplicateTopEntry } from './internals/toc-top-entry.ts';

/** Counts are computed once per build; in `astro dev` on every request, so edits show. */
let buildCounts: Promise<Record<CountKey, number>> | undefined;

async function computeCounts(): Promise<Record<CountKey, number>> {
	const specs = await getSpecs();
	const stale = staleSpecs(specs, { today: config.today, staleAfterDays: config.staleAfterDays }).length;
	return { specs: specs.length, authors: authorsOf(specs).length, stale, ...countByStatus(specs) };
}

export const onRequest = defineRouteMiddleware(async (context) => {
	const counts = import.meta.env.DEV ? await computeCounts() : await (buildCounts ??= computeCounts());
	addSidebarCounts(context.locals.starlightRoute.sidebar, counts);
	unlocalizeOwnLinks(context.locals.starlightRoute.sidebar, context.locals.starlightRoute.locale, import.meta.env.BASE_URL);
	markCurrentEntry(context.locals.starlightRoute.sidebar, context.url.pathname);
	dropDuplicateTopEntry(context.locals.starlightRoute.toc);
});
