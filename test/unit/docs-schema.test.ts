/**
 * The docs schema built once for <StarlightPage> (src/integration/internals/docs-schema-cache.ts):
 * the same answers as Starlight's own schema, one instance for every page, and per-entry image
 * resolution kept for the content layer. What it relies on in Starlight is checked in
 * internals-upgrade.test.ts.
 */
import { docsSchema } from '@astrojs/starlight/schema';
import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { docsSchemaForPages } from '../../src/integration/internals/docs-schema-cache.ts';

/** The context <StarlightPage> passes: a fresh closure per page around a fixed validator. */
const pageContext = (): SchemaContext =>
	({ image: () => z.custom((value) => typeof value === 'object' && value !== null && 'src' in value, 'Invalid image') }) as unknown as SchemaContext;

/** A content-layer-like context: `image()` resolves a path relative to one entry. */
const entryContext = (entry: string): SchemaContext => ({ image: () => z.string().transform((path) => `${entry}:${path}`) }) as unknown as SchemaContext;

describe('docsSchemaForPages', () => {
	it('builds one schema for all <StarlightPage> pages', () => {
		const schemaFor = docsSchemaForPages();
		expect(schemaFor(pageContext())).toBe(schemaFor(pageContext()));
	});

	it("validates page frontmatter exactly as Starlight's docs schema does", () => {
		const ours = docsSchemaForPages()(pageContext());
		const starlights = docsSchema()(pageContext());
		for (const frontmatter of [{ title: 'Payments retry' }, { title: 'X', description: 'Y', template: 'splash', tableOfContents: false, pagefind: false }, { title: 'X', hero: { image: { file: { src: '/a.png', width: 1, height: 1, format: 'png' } } } }]) {
			expect(ours.parse(frontmatter)).toEqual(starlights.parse(frontmatter));
		}
		for (const invalid of [{}, { title: 3 }, { title: 'X', template: 'wide' }, { title: 'X', hero: { image: { file: 'not-imported.png' } } }]) {
			expect(ours.safeParse(invalid).success).toBe(false);
			expect(starlights.safeParse(invalid).success).toBe(false);
		}
	});

	it("builds a collection entry's schema with that entry's image resolver", () => {
		const schemaFor = docsSchemaForPages();
		const heroOf = (context: SchemaContext) => {
			const data = schemaFor(context).parse({ title: 'T', hero: { image: { file: 'hero.png', alt: '' } } }) as { hero?: { image?: { file?: unknown } } };
			return data.hero?.image?.file;
		};
		expect(heroOf(entryContext('guide/a.md'))).toBe('guide/a.md:hero.png');
		expect(heroOf(entryContext('guide/b.md'))).toBe('guide/b.md:hero.png');
	});
});
