/**
 * The RSS feed's items: the newest specs by Last Updated, each linking to its page and carrying its
 * status and authors. Returned in @astrojs/rss's item shape, so the route only adds channel data.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Spec } from '../core/model.ts';
import { recentlyUpdated } from './specs.ts';
import { specUrl } from './urls.ts';

/** How many specs the feed carries. */
export const FEED_SIZE = 50;

/** Escape text for inclusion in XML (the feed's `customData` is inserted verbatim). */
export function escapeXml(text: string): string {
	return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Dublin Core for one `<dc:creator>` per author; Atom for the feed's link to itself. */
export const FEED_XMLNS = { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' };

/**
 * Channel elements @astrojs/rss does not write: the feed's own address (feed validators and
 * readers want `atom:link rel="self"`) and when it last changed (the newest Last Updated).
 */
export function channelData(specs: readonly Spec[], feedUrl: string): string {
	const newest = recentlyUpdated(specs, 1)[0];
	const built = newest ? `<lastBuildDate>${new Date(`${newest.lastUpdated}T12:00:00Z`).toUTCString()}</lastBuildDate>` : '';
	return `<atom:link href="${escapeXml(feedUrl)}" rel="self" type="application/rss+xml"/>${built}`;
}

/** One feed item per spec, newest first. */
export function feedItems(specs: readonly Spec[], base?: string, size = FEED_SIZE): RSSFeedItem[] {
	return recentlyUpdated(specs, size).map((spec) => {
		const authors = spec.authors.map((author) => author.name);
		return {
			title: spec.feature,
			link: specUrl(spec.id, base),
			// Last Updated is a day; noon UTC keeps it on the same day in every reader's time zone.
			pubDate: new Date(`${spec.lastUpdated}T12:00:00Z`),
			description: `Status: ${spec.status}. Authors: ${authors.join(', ')}.`,
			categories: [spec.status, ...spec.tags],
			customData: authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join(''),
		};
	});
}
