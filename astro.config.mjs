// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import specbook from './src/integration/index.ts';
import { pluginOptions } from './src/integration/config.ts';
import config from './specbook.config.ts';

// The settings live in specbook.config.ts (shared with `npm run check`); this file wires them in.
// Every internal link goes through src/site/urls.ts, which applies `base`.
export default defineConfig({
	...(config.site ? { site: config.site } : {}),
	base: config.base,
	integrations: [
		starlight({
			title: config.title,
			...(config.description ? { description: config.description } : {}),
			plugins: [specbook(pluginOptions(config))],
		}),
		mdx(),
	],
});
