import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
	/** The generated specs as ordinary docs pages, in src/content/docs (bench/run.ts writes them into its copy of this folder). */
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
