/**
 * The `specs` collection's data schema: the spec model (src/core/model.ts) as stored in Astro's
 * data store, plus what the store needs besides. The analyser already validated the Markdown; this
 * schema checks what reaches the store, so a change that breaks the model's shape fails loudly
 * instead of rendering nonsense.
 */
import { z } from 'astro/zod';
import { DiagnosticSchema, SpecFileSchema, SpecSchema } from '../core/model.ts';

/** A spec that parsed without errors. */
export const ValidSpecDataSchema = SpecSchema.extend({
	valid: z.literal(true),
	/** Warnings about this spec (a valid spec has no errors), for pages that flag them. */
	diagnostics: z.array(DiagnosticSchema),
});

/**
 * A spec with errors. Only `astro dev` stores these (a build fails instead), so its page can show
 * the errors while the rest of the site keeps working.
 */
export const InvalidSpecDataSchema = SpecFileSchema.extend({
	valid: z.literal(false),
	/** Every finding about the file, errors first. */
	diagnostics: z.array(DiagnosticSchema),
});

export const SpecDataSchema = z.discriminatedUnion('valid', [ValidSpecDataSchema, InvalidSpecDataSchema]);

export type ValidSpecData = z.output<typeof ValidSpecDataSchema>;
export type InvalidSpecData = z.output<typeof InvalidSpecDataSchema>;
export type SpecData = z.output<typeof SpecDataSchema>;
