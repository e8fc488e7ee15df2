/**
 * The `specs` collection, for a site's src/content.config.ts (`specs: specsCollection()`; the
 * package exports it as `specbook/content`): Specbook's loader and schema. Its folder and settings
 * come from the Specbook plugin's options (see src/content/loader.ts).
 */
import { defineCollection } from 'astro/content/config';
import { specsLoader } from './loader.ts';
import { SpecDataSchema } from './schema.ts';

/** The collection Specbook's pages read, which must be named `specs`. */
export function specsCollection() {
	return defineCollection({ loader: specsLoader(), schema: SpecDataSchema });
}
