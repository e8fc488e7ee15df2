import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
	/** The generated specs as ordinary docs pages, in src/content/docs (a link bench/run.ts makes). */
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
