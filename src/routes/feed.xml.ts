/** `/feed.xml`: the newest specs by Last Updated, as RSS (see src/site/feed.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import config from 'virtual:specbook/config';
import { getSpecs } from '../content/query.ts';
import { channelData, FEED_SIZE, FEED_XMLNS, feedItems } from '../site/feed.ts';
import { homeUrl, withBase } from '../site/urls.ts';

export const GET: APIRoute = async (context) => {
	const specs = await getSpecs();
	const site = context.site ?? context.url.origin;
	return rss({
		title: config.title,
		description: config.description ?? `The ${FEED_SIZE} most recently updated specs.`,
		// The channel links Specbook's home page, under the base and the prefix; items resolve against it.
		site: new URL(homeUrl(), site).href,
		xmlns: FEED_XMLNS,
		customData: channelData(specs, new URL(withBase('/feed.xml'), site).href),
		items: feedItems(specs),
	});
};
