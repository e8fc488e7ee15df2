import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { specsLoader } from './content/loader.ts';
import { SpecDataSchema } from './content/schema.ts';

export const collections = {
	/** The contributor guide, at /guide/. */
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	/** The specs, from SPECS_DIR (default `specs`); see src/content/loader.ts. */
	specs: defineCollection({ loader: specsLoader(), schema: SpecDataSchema }),
};
