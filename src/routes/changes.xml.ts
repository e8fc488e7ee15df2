/** `/changes.xml`: the latest status changes across specs, as RSS (see src/site/history.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import config from 'virtual:specbook/config';
import { getSpecs } from '../content/query.ts';
import { escapeXml, FEED_SIZE } from '../site/feed.ts';
import { changeText, commitUrl, statusChanges } from '../site/history.ts';
import { changesFeedUrl, homeUrl, specUrl } from '../site/urls.ts';

export const GET: APIRoute = async (context) => {
	const changes = statusChanges(await getSpecs(), FEED_SIZE);
	const site = context.site ?? context.url.origin;
	return rss({
		title: `${config.title}: status changes`,
		description: `The ${FEED_SIZE} latest status changes across specs.`,
		// The channel links Specbook's home page, under the base and the prefix; items resolve against it.
		site: new URL(homeUrl(), site).href,
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<atom:link href="${escapeXml(new URL(changesFeedUrl(), site).href)}" rel="self" type="application/rss+xml"/>`,
		items: changes.map((change) => ({
			title: `${change.feature}: ${changeText(change)}`,
			link: specUrl(change.id),
			// A commit date is a day; noon UTC keeps it on the same day in every reader's time zone.
			pubDate: new Date(`${change.date}T12:00:00Z`),
			description: `${change.date} · ${change.feature} · ${changeText(change)}${commitUrl(config.repoUrl, change.commit) ? ` (${commitUrl(config.repoUrl, change.commit)})` : ''}`,
			categories: [change.to],
			customData: `<guid isPermaLink="false">${escapeXml(`${change.commit}:${change.id}`)}</guid>`,
		})),
	});
};
