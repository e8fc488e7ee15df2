import { defineCollection } from 'astro:content';
import { docsSchemaForPages } from './integration/internals/docs-schema-cache.ts';
import { specsCollection } from './content/collection.ts';

export const collections = {
	/** Starlight's own pages: none here (Specbook's pages, the guide included, are injected routes), so no folder to read. */
	docs: defineCollection({ loader: () => [], schema: docsSchemaForPages() }),
	/** The specs, from SPECS_DIR (default `specs`); see src/content/loader.ts. */
	specs: specsCollection(),
};
