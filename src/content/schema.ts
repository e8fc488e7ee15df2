/**
 * The `specs` collection's data schema: the parsed spec (src/core/model.ts) as stored in Astro's
 * data store. The parser already validated the Markdown; this schema checks what reaches the store,
 * so a parser change that breaks the model's shape fails loudly instead of rendering nonsense.
 */
import { z } from 'astro/zod';
import { STATUSES } from '../core/model.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');

const PositionSchema = z.object({
	/** 1-based line. */
	line: z.number().int(),
	/** 1-based column. */
	column: z.number().int(),
});

export const DiagnosticSchema = z.object({
	/** Path relative to the working directory. */
	file: z.string(),
	line: z.number().int(),
	column: z.number().int(),
	severity: z.enum(['error', 'warning']),
	/** Stable code from the diagnostics table. */
	code: z.string(),
	message: z.string(),
	hint: z.string().exactOptional(),
});

export const AuthorSchema = z.object({
	/** The name as written. */
	name: z.string().min(1),
	/** URL slug for `/authors/<slug>/`. */
	slug: z.string().min(1),
	/** E-mail written beside the name. */
	email: z.string().exactOptional(),
	/** Handle written beside the name, without `@`. */
	handle: z.string().exactOptional(),
});

export const PhaseSchema = z.object({
	/** The N of `### Phase N: Name`. */
	number: z.number().int().positive(),
	/** The phase name. */
	name: z.string(),
	/** The Timeline as written. */
	timeline: z.string(),
	/** First day, or null without dates. */
	start: IsoDate.nullable(),
	/** Last day (inclusive), or null without dates. */
	end: IsoDate.nullable(),
	/** Inclusive length in days, or null for TBD. */
	durationDays: z.number().int().nonnegative().nullable(),
	/** Tasks as plain text. */
	tasks: z.array(z.string()),
	/** Dependencies as plain text. */
	dependencies: z.array(z.string()),
	/** Link targets in the Dependencies. */
	dependencyLinks: z.array(z.string()),
	/** Where the phase heading is. */
	position: PositionSchema,
	/** Where the Timeline value is. */
	timelinePosition: PositionSchema,
});

/** A spec that parsed without errors. */
export const ValidSpecDataSchema = z.object({
	valid: z.literal(true),
	/** Path under the specs folder without extension. */
	id: z.string().min(1),
	/** Source path relative to the working directory. */
	path: z.string().min(1),
	/** Overview › Feature. */
	feature: z.string().min(1),
	/** Overview › Author(s). */
	authors: z.array(AuthorSchema).min(1),
	/** Overview › Last Updated. */
	lastUpdated: IsoDate,
	/** Overview › Status. */
	status: z.enum(STATUSES),
	/** Frontmatter `tags`. */
	tags: z.array(z.string()),
	/** Frontmatter `supersedes`. */
	supersedes: z.array(z.string()),
	/** Implementation phases. */
	phases: z.array(PhaseSchema),
	/** Deployment › Rollout Plan steps. */
	rolloutPlan: z.array(z.string()),
	/** H2 sections the template does not have. */
	extraSections: z.array(z.string()),
	/** Warnings about this spec (a valid spec has no errors), for pages that flag them. */
	diagnostics: z.array(DiagnosticSchema),
});

/**
 * A spec with errors. Only `astro dev` stores these (a build fails instead), so its page can show
 * the errors while the rest of the site keeps working.
 */
export const InvalidSpecDataSchema = z.object({
	valid: z.literal(false),
	/** Path under the specs folder without extension. */
	id: z.string().min(1),
	/** Source path relative to the working directory. */
	path: z.string().min(1),
	/** Every finding about the file, errors first. */
	diagnostics: z.array(DiagnosticSchema),
});

export const SpecDataSchema = z.discriminatedUnion('valid', [ValidSpecDataSchema, InvalidSpecDataSchema]);

export type ValidSpecData = z.infer<typeof ValidSpecDataSchema>;
export type InvalidSpecData = z.infer<typeof InvalidSpecDataSchema>;
export type SpecData = z.infer<typeof SpecDataSchema>;
