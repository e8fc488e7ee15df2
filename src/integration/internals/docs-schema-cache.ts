// Relies on <StarlightPage> passing image() as a `z.custom` validator (told apart by zod's internal `_zod.def.type`); if either changes, the cache silently stops and every page builds its schema again.
/**
 * The `docs` collection's schema (Starlight's `docsSchema()`), built once for `<StarlightPage>`
 * instead of once per page.
 *
 * Every page made with `<StarlightPage>` (each spec page, each index) has its frontmatter checked
 * against the docs collection's schema, and Starlight builds that schema anew for every page. At
 * 1,000 specs, building and first-parsing those schemas was about a seventh of the render phase
 * (CPU profile of `npm run bench`). Starlight passes them a context whose `image()` is a fixed
 * validator (a `z.custom` check of imported image metadata), so one schema serves every page.
 *
 * The content layer's context is different: its `image()` resolves paths relative to the entry
 * being loaded, so for collection entries the schema is still built per entry, as Starlight does.
 */
import { docsSchema } from '@astrojs/starlight/schema';
import type { SchemaContext } from 'astro:content';

type DocsSchema = ReturnType<ReturnType<typeof docsSchema>>;

/** Starlight's `docsSchema()`, except that every `<StarlightPage>` gets the same schema instance. */
export function docsSchemaForPages(): (context: SchemaContext) => DocsSchema {
	const schemaFor = docsSchema();
	let forPages: DocsSchema | undefined;
	return (context) => (isFixedImageValidator(context) ? (forPages ??= schemaFor(context)) : schemaFor(context));
}

/**
 * Whether `context.image()` is a plain validator (`z.custom`, as `<StarlightPage>` passes) rather
 * than the content layer's per-entry path resolver (a string schema with a transform).
 */
function isFixedImageValidator(context: SchemaContext): boolean {
	return (context.image() as { _zod?: { def?: { type?: string } } })._zod?.def?.type === 'custom';
}
