// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';

export default defineConfig({
	integrations: [
		starlight({
			title: 'Specbook',
		}),
		mdx(),
	],
});
