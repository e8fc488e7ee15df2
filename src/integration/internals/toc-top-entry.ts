// Relies on Starlight's page-top ToC entry having the slug `_top` (its PAGE_TITLE_ID); if that changes, spec ToCs list "Overview" twice.
/**
 * Table of contents tweaks. Starlight starts every ToC with an entry for the page top labelled
 * "Overview"; a spec's first section is also "Overview", so the ToC would list it twice.
 */
import type { StarlightRouteData } from '@astrojs/starlight/route-data';

type Toc = NonNullable<StarlightRouteData['toc']>;

/** Starlight's id for the page title, the target of its first ToC entry. */
const PAGE_TITLE_ID = '_top';

/** Drop the page-top entry when a heading of the page has the same label. In place. */
export function dropDuplicateTopEntry(toc: Toc | undefined): void {
	if (!toc) return;
	const [first, ...rest] = toc.items;
	if (first?.slug !== PAGE_TITLE_ID) return;
	const label = first.text.trim().toLowerCase();
	if (rest.some((item) => item.text.trim().toLowerCase() === label)) toc.items = rest;
}
