// @ts-check
/**
 * The benchmark's baseline: plain Starlight 0.42 with its defaults (the sidebar lists every page),
 * built from the same generated specs copied in as ordinary docs pages. bench/run.ts builds a copy
 * of this folder with the pages in its src/content/docs and an empty cache folder (a cold build).
 */
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
	cacheDir: process.env.BENCH_CACHE_DIR || './node_modules/.astro',
	integrations: [starlight({ title: 'Plain Starlight' })],
});
