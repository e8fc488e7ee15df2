import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchemaForPages } from './integration/internals/docs-schema-cache.ts';
import { specsCollection } from './content/collection.ts';

export const collections = {
	/** Starlight's pages; this site has none of its own (Specbook's pages, the guide included, are injected routes). */
	docs: defineCollection({ loader: docsLoader(), schema: docsSchemaForPages() }),
	/** The specs, from SPECS_DIR (default `specs`); see src/content/loader.ts. */
	specs: specsCollection(),
};
