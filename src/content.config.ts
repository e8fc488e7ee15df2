import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchemaForPages } from './integration/internals/docs-schema-cache.ts';
import { specsLoader } from './content/loader.ts';
import { SpecDataSchema } from './content/schema.ts';

export const collections = {
	/** The contributor guide, at /guide/. */
	docs: defineCollection({ loader: docsLoader(), schema: docsSchemaForPages() }),
	/** The specs, from SPECS_DIR (default `specs`); see src/content/loader.ts. */
	specs: defineCollection({ loader: specsLoader(), schema: SpecDataSchema }),
};
