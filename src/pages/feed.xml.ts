/** `/feed.xml`: the newest specs by Last Updated, as RSS (see src/site/feed.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import config from 'virtual:specbook/config';
import { getSpecs } from '../content/query.ts';
import { FEED_SIZE, FEED_XMLNS, feedItems } from '../site/feed.ts';

export const GET: APIRoute = async (context) =>
	rss({
		title: config.title,
		description: config.description ?? `The ${FEED_SIZE} most recently updated specs.`,
		site: context.site ?? context.url.origin,
		xmlns: FEED_XMLNS,
		items: feedItems(await getSpecs()),
	});
