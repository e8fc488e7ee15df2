/**
 * The spec model: what a parsed, validated spec looks like to every consumer (CLI, loader, pages,
 * JSON API). Each record is a zod schema and its type is the schema's output, so the content
 * collection validates exactly what the analyser produces. Plain data only, so it serialises into
 * Astro's data store unchanged.
 */
import { z } from 'astro/zod';
import { DIAGNOSTIC_CODES } from './diagnostics.ts';
import { STATUSES } from './statuses.ts';

export { STATUSES, type Status } from './statuses.ts';
/** Draft, In Review or Approved. */
export const StatusSchema = z.enum(STATUSES);

/** A calendar day as `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'expected an ISO date (YYYY-MM-DD)');

/** A 1-based position in a source file. */
export const PositionSchema = z.object({
	/** 1-based line. */
	line: z.number().int(),
	/** 1-based column. */
	column: z.number().int(),
});
export type Position = z.output<typeof PositionSchema>;

/** One author from the `Author(s)` field. */
export const AuthorSchema = z.object({
	/** The name as written, without e-mail or handle. */
	name: z.string().min(1),
	/** URL-safe slug of the name, used for `/authors/<slug>/`. */
	slug: z.string().min(1),
	/** E-mail written as `<a@b.c>` beside the name. */
	email: z.string().exactOptional(),
	/** Handle written as `@name` beside the name (without the `@`). */
	handle: z.string().exactOptional(),
});
export type Author = z.output<typeof AuthorSchema>;

/** One phase of `## Implementation`, with its timeline resolved to dates where possible. */
export const PhaseSchema = z.object({
	/** The N of `### Phase N: Name` (a Draft may number from 0: that is a warning, not an error). */
	number: z.number().int().nonnegative(),
	/** The Name of `### Phase N: Name`. */
	name: z.string(),
	/** The Timeline value as written (plain text), e.g. `Q1 2027` or `3 weeks`. */
	timeline: z.string(),
	/** First day, or null when the timeline has no dates. */
	start: IsoDateSchema.nullable(),
	/** Last day, inclusive, or null when the timeline has no dates. */
	end: IsoDateSchema.nullable(),
	/** Length in days (inclusive), or null for TBD or an unparseable timeline. */
	durationDays: z.number().int().nonnegative().nullable(),
	/** Tasks as plain text (Markdown stripped), one per list item. */
	tasks: z.array(z.string()),
	/** Dependencies as plain text; empty for `None`. */
	dependencies: z.array(z.string()),
	/** Link targets found in the Dependencies (as written), for cross-spec schedule checks. */
	dependencyLinks: z.array(z.string()),
	/** Where the phase heading is. */
	position: PositionSchema,
	/** Where the Timeline value is (the heading's position when the field is missing). */
	timelinePosition: PositionSchema,
});
export type Phase = z.output<typeof PhaseSchema>;

/**
 * Frontmatter `imported`, written by `npm run import`: where the spec came from and the status its
 * author wrote. Such a spec is held less strictly (missing parts and broken links are warnings).
 */
export const ImportedSchema = z
	.object({
		/** The source file it was imported from, as given to the importer. */
		from: z.string().trim().min(1),
		/** The original status text (e.g. `Implemented (Swift 5.0)`), before mapping to a Specbook status. */
		status: z.string(),
	})
	.strict();
export type Imported = z.output<typeof ImportedSchema>;

/** Which file a spec is: known even when the spec cannot be read. */
export const SpecFileSchema = z.object({
	/** Path under the specs folder without extension, lower-case, `/`-separated. */
	id: z.string().min(1),
	/** Source path relative to the working directory, `/`-separated (e.g. `specs/payments/retry.md`). */
	path: z.string().min(1),
});

/** One change of a spec's Status, as git recorded it. */
export const StatusChangeSchema = z.object({
	/** Date of the commit (YYYY-MM-DD, committer date). */
	date: IsoDateSchema,
	/** The Status from that commit on, canonical spelling. */
	status: StatusSchema,
	/** Full sha of the commit. */
	commit: z.string().regex(/^[0-9a-f]{40,64}$/u),
});
export type StatusChange = z.output<typeof StatusChangeSchema>;

/**
 * A spec's life as git tells it (renames followed). Without history (outside git, an uncommitted
 * file, a shallow clone) the dates are null, the lists empty and `revisions` 0.
 */
export const SpecHistorySchema = z.object({
	/** Date of the commit that added the file, or null. */
	created: IsoDateSchema.nullable(),
	/** Date the current Status began, or null (no history, or a Status change not yet committed). */
	statusSince: IsoDateSchema.nullable(),
	/** Commits that touched the file: the one that added it, each that changed it, each that only moved it. */
	revisions: z.number().int().nonnegative(),
	/** Commit author names, distinct, most commits first. Shown beside Author(s), never instead of them. */
	contributors: z.array(z.string()),
	/** The Status the spec was added with, then one entry per real Status change, oldest first. */
	history: z.array(StatusChangeSchema),
});
export type SpecHistory = z.output<typeof SpecHistorySchema>;

/** A spec as every consumer sees it once parsed and validated. */
export const SpecSchema = SpecFileSchema.extend({
	/** Overview › Feature. */
	feature: z.string().min(1),
	/** Overview › Author(s), in the order written. */
	authors: z.array(AuthorSchema).min(1),
	/** Overview › Last Updated. */
	lastUpdated: IsoDateSchema,
	/** Overview › Status, canonical spelling. */
	status: StatusSchema,
	/** Frontmatter `tags`. */
	tags: z.array(z.string()),
	/** Frontmatter `supersedes`: ids of the specs this one replaces. */
	supersedes: z.array(z.string()),
	/** Implementation phases in order. */
	phases: z.array(PhaseSchema),
	/** Deployment › Rollout Plan steps as plain text. */
	rolloutPlan: z.array(z.string()),
	/** Titles of H2 sections the template does not have (kept and rendered, not validated). */
	extraSections: z.array(z.string()),
	/** Frontmatter `imported`; absent for a spec written in Specbook. */
	imported: ImportedSchema.exactOptional(),
	/** For an imported spec: the template sections (H2 titles) it does not have, in template order. */
	missingSections: z.array(z.string()).exactOptional(),
}).extend(SpecHistorySchema.shape);
export type Spec = z.output<typeof SpecSchema>;

export const SeveritySchema = z.enum(['error', 'warning']);
export type Severity = z.output<typeof SeveritySchema>;

/** One located finding about one file. */
export const DiagnosticSchema = z.object({
	/** Path relative to the working directory, `/`-separated. */
	file: z.string(),
	/** 1-based line. */
	line: z.number().int(),
	/** 1-based column. */
	column: z.number().int(),
	/** Whether the finding stops the build. */
	severity: SeveritySchema,
	/** Stable code from the diagnostics table, e.g. `missing-field`. */
	code: z.enum(DIAGNOSTIC_CODES),
	/** One fact, naming the field or value concerned. */
	message: z.string(),
	/** How to fix it, with a link to the guide. */
	hint: z.string().exactOptional(),
});
export type Diagnostic = z.output<typeof DiagnosticSchema>;
