/**
 * The spec model: what a parsed, validated spec looks like to every consumer (CLI, loader, pages,
 * JSON API). Plain data only, so it serialises into Astro's data store unchanged.
 */

/** The three statuses of the template, in their canonical spelling and workflow order. */
export const STATUSES = ['Draft', 'In Review', 'Approved'] as const;
export type Status = (typeof STATUSES)[number];

/** A 1-based position in a source file. */
export interface Position {
	line: number;
	column: number;
}

/** One author from the `Author(s)` field. */
export interface Author {
	/** The name as written, without e-mail or handle. */
	name: string;
	/** URL-safe slug of the name, used for `/authors/<slug>/`. */
	slug: string;
	/** E-mail written as `<a@b.c>` beside the name. */
	email?: string;
	/** Handle written as `@name` beside the name (without the `@`). */
	handle?: string;
}

/** One phase of `## Implementation`, with its timeline resolved to dates where possible. */
export interface Phase {
	/** The N of `### Phase N: Name`. */
	number: number;
	/** The Name of `### Phase N: Name`. */
	name: string;
	/** The Timeline value as written (plain text), e.g. `Q1 2027` or `3 weeks`. */
	timeline: string;
	/** First day (ISO `YYYY-MM-DD`), or null when the timeline has no dates. */
	start: string | null;
	/** Last day, inclusive (ISO `YYYY-MM-DD`), or null when the timeline has no dates. */
	end: string | null;
	/** Length in days (inclusive), or null for TBD or an unparseable timeline. */
	durationDays: number | null;
	/** Tasks as plain text (Markdown stripped), one per list item. */
	tasks: string[];
	/** Dependencies as plain text; empty for `None`. */
	dependencies: string[];
	/** Link targets found in the Dependencies (as written), for cross-spec schedule checks. */
	dependencyLinks: string[];
	/** Where the phase heading is. */
	position: Position;
	/** Where the Timeline value is (the heading's position when the field is missing). */
	timelinePosition: Position;
}

/** A spec as every consumer sees it once parsed and validated. */
export interface Spec {
	/** Path under the specs folder without extension, lower-case, `/`-separated. */
	id: string;
	/** Source path relative to the working directory, `/`-separated (e.g. `specs/payments/retry.md`). */
	path: string;
	/** Overview › Feature. */
	feature: string;
	/** Overview › Author(s), in the order written. */
	authors: Author[];
	/** Overview › Last Updated (ISO `YYYY-MM-DD`). */
	lastUpdated: string;
	/** Overview › Status, canonical spelling. */
	status: Status;
	/** Frontmatter `tags`. */
	tags: string[];
	/** Frontmatter `supersedes`: ids of the specs this one replaces. */
	supersedes: string[];
	/** Implementation phases in order. */
	phases: Phase[];
	/** Deployment › Rollout Plan steps as plain text. */
	rolloutPlan: string[];
	/** Titles of H2 sections the template does not have (kept and rendered, not validated). */
	extraSections: string[];
}

export type Severity = 'error' | 'warning';

/** One located finding about one file. */
export interface Diagnostic {
	/** Path relative to the working directory, `/`-separated. */
	file: string;
	line: number;
	column: number;
	severity: Severity;
	/** Stable code from the diagnostics table, e.g. `missing-field`. */
	code: string;
	message: string;
	hint?: string;
}
