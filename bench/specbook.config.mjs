// @ts-check
/**
 * Specbook's own astro.config.mjs with a private cache folder: the benchmark builds cold (an empty
 * cache) without deleting the node_modules/.astro that other builds in this checkout are using.
 */
import config from '../astro.config.mjs';

export default {
	...config,
	cacheDir: process.env.BENCH_CACHE_DIR || config.cacheDir,
};
