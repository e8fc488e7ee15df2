/**
 * The `/api/specs.json` contract (DESIGN.md §3). Other tools read this file, so its shape is spelled
 * out field by field here rather than derived from the internal model: internal fields (source
 * positions, dependency links, rollout steps) never leak into it by accident.
 */
import type { Spec, Status } from '../core/model.ts';
import { sortById } from './specs.ts';
import { specUrl } from './urls.ts';

/** One phase as published. */
export interface ApiPhase {
	number: number;
	name: string;
	/** The Timeline as written. */
	timeline: string;
	/** ISO date or null when the timeline has no dates. */
	start: string | null;
	end: string | null;
	/** Inclusive length in days; null for TBD. */
	durationDays: number | null;
	/** Plain text, Markdown stripped. */
	tasks: string[];
	dependencies: string[];
}

/** One spec as published. */
export interface ApiSpec {
	id: string;
	/** The spec page, including the site's base path. */
	url: string;
	/** Source path relative to the repository root. */
	path: string;
	feature: string;
	/** Author names, in the order written. */
	authors: string[];
	lastUpdated: string;
	status: Status;
	tags: string[];
	supersedes: string[];
	phases: ApiPhase[];
	/** Date of the commit that added the file (renames followed), or null without git history. */
	created: string | null;
	/** Date the current status began, or null. */
	statusSince: string | null;
	/** Commits that touched the file (added, changed, or only moved); 0 without history. */
	revisions: number;
	/** Commit author names, distinct, most commits first. */
	contributors: string[];
	/** The status it was added with, then one entry per real status change, oldest first. */
	history: ApiStatusChange[];
	/** For a spec made by `npm run import`: its source file and original status text; absent otherwise. */
	imported?: { from: string; status: string };
}

/** One status change as published. */
export interface ApiStatusChange {
	/** ISO date of the commit. */
	date: string;
	status: Status;
	/** Full sha. */
	commit: string;
}

/** The whole document. */
export interface ApiDocument {
	specs: ApiSpec[];
}

/** One spec in its published shape. */
export function toApiSpec(spec: Spec, base?: string): ApiSpec {
	return {
		id: spec.id,
		url: specUrl(spec.id, base),
		path: spec.path,
		feature: spec.feature,
		authors: spec.authors.map((author) => author.name),
		lastUpdated: spec.lastUpdated,
		status: spec.status,
		tags: [...spec.tags],
		supersedes: [...spec.supersedes],
		phases: spec.phases.map((phase) => ({
			number: phase.number,
			name: phase.name,
			timeline: phase.timeline,
			start: phase.start,
			end: phase.end,
			durationDays: phase.durationDays,
			tasks: [...phase.tasks],
			dependencies: [...phase.dependencies],
		})),
		created: spec.created,
		statusSince: spec.statusSince,
		revisions: spec.revisions,
		contributors: [...spec.contributors],
		history: spec.history.map(({ date, status, commit }) => ({ date, status, commit })),
		...(spec.imported ? { imported: { from: spec.imported.from, status: spec.imported.status } } : {}),
	};
}

/** Every spec, sorted by id. */
export function toApiDocument(specs: readonly Spec[], base?: string): ApiDocument {
	return { specs: sortById(specs).map((spec) => toApiSpec(spec, base)) };
}
