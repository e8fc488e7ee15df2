// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import specbook from './src/integration/index.ts';

// The site's settings, all in this file: `site` and `base` (Astro), `title` (Starlight) and
// `editLinkBase` (Specbook). Every internal link goes through src/site/urls.ts, which applies `base`.
export default defineConfig({
	/** Where the site is deployed; the feed and canonical links use it. */
	site: 'https://specbook.example.com',
	/** The path the site is served under, e.g. '/specbook/' for a GitHub Pages project site. */
	base: '/',
	integrations: [
		starlight({
			title: 'Specbook',
			description: 'Technical specifications: status, owners, phases and rollout.',
			plugins: [
				specbook({
					/** "Edit page" links: this prefix followed by the spec's path, e.g. specs/payments/retry.md. */
					editLinkBase: 'https://github.com/example/specbook/edit/main/',
				}),
			],
		}),
		mdx(),
	],
});
