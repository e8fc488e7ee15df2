/**
 * The RSS feed's items: the newest specs by Last Updated, each linking to its page and carrying its
 * status and authors. Returned in @astrojs/rss's item shape, so the route only adds channel data.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Spec } from '../spec/model.ts';
import { recentlyUpdated } from './specs.ts';
import { specUrl } from './urls.ts';

/** How many specs the feed carries. */
export const FEED_SIZE = 50;

/** Escape text for inclusion in XML (the feed's `customData` is inserted verbatim). */
export function escapeXml(text: string): string {
	return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The Dublin Core namespace, for one `<dc:creator>` per author. */
export const FEED_XMLNS = { dc: 'http://purl.org/dc/elements/1.1/' };

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
