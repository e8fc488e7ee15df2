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
	// Two pages at a time: a spec page waits on file reads and writes (its stored body, its output),
	// and the other page renders meanwhile. Rendering took a fifth less time at 1,000 specs; more
	// than two gained nothing more (`npm run bench`).
	build: { concurrency: 2 },
	integrations: [
		starlight({
			title: config.title,
			...(config.description ? { description: config.description } : {}),
			plugins: [specbook(pluginOptions(config))],
		}),
		mdx(),
	],
});
