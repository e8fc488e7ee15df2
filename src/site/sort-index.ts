/**
 * The compact index of every spec that a paged index's script sorts across all its pages (the
 * table of all specs, each status's list), emitted once per build at sortIndexUrl(). It holds only
 * what a row or card shows and what the orders sort by, column by column, with authors and tags as
 * numbers into name tables, so it stays small at thousands of specs. The server renders its rows
 * from the same IndexedSpec the script decodes, so both show and order a spec alike.
 */
import { daysBetween } from '../core/dates.ts';
import type { Spec, Status } from '../core/model.ts';
import { STATUSES } from '../core/statuses.ts';
import { sortByLastUpdated } from './specs.ts';
import { isStale, type StaleOptions } from './stale.ts';

/** What a row of the table or a card of a list shows of a spec, and what their orders sort by. */
export interface IndexedSpec {
	id: string;
	feature: string;
	status: Status;
	authors: { name: string; slug: string }[];
	lastUpdated: string;
	/** Since when the spec has had its status (from git), or null. */
	statusSince: string | null;
	phaseCount: number;
	/** First and last date over the phases, when any phase has dates. */
	span: { start: string; end: string } | undefined;
	/** Days since Last Updated when the spec is stale (src/site/stale.ts), else undefined. */
	staleDays: number | undefined;
	tags: string[];
}

/** The dated range a spec's phases cover. */
export function phaseSpan(spec: Pick<Spec, 'phases'>): IndexedSpec['span'] {
	const starts = spec.phases.flatMap((phase) => phase.start ?? []).sort();
	const ends = spec.phases.flatMap((phase) => phase.end ?? []).sort();
	const start = starts[0];
	const end = ends.at(-1);
	return start && end ? { start, end } : undefined;
}

/** A spec as rows and cards show it, on `options.today`. */
export function indexedSpec(spec: Spec, options: StaleOptions): IndexedSpec {
	return {
		id: spec.id,
		feature: spec.feature,
		status: spec.status,
		authors: spec.authors.map(({ name, slug }) => ({ name, slug })),
		lastUpdated: spec.lastUpdated,
		statusSince: spec.statusSince,
		phaseCount: spec.phases.length,
		span: phaseSpan(spec),
		staleDays: isStale(spec, options) ? daysBetween(spec.lastUpdated, options.today) : undefined,
		tags: spec.tags,
	};
}

/** The index as written: one array per field, the i-th entries of all of them being one spec. */
export interface SortIndex {
	/** The build's today and stale threshold, for the "since" and "Stale" texts. */
	today: string;
	staleAfterDays: number;
	/** Author names and their slugs (same positions), and tags: what `authors` and `tags` number. */
	names: string[];
	slugs: string[];
	tagNames: string[];
	id: string[];
	feature: string[];
	/** Positions in STATUSES. */
	status: number[];
	authors: number[][];
	updated: string[];
	/** Status since, or 0 for none. */
	since: (string | 0)[];
	phases: number[];
	/** `[start, end]`, or 0 for none. */
	span: ([string, string] | 0)[];
	/** Days untouched when stale, or 0. */
	stale: number[];
	tags: number[][];
}

/** Numbers each distinct value of a table in the order first met. */
function numbering<T>(keyOf: (value: T) => string) {
	const at = new Map<string, number>();
	const values: T[] = [];
	return {
		values,
		number(value: T): number {
			const key = keyOf(value);
			let index = at.get(key);
			if (index === undefined) at.set(key, (index = values.push(value) - 1));
			return index;
		},
	};
}

/** The index of `specs`, newest Last Updated first (the table's default order). */
export function encodeSortIndex(specs: readonly IndexedSpec[], options: StaleOptions): SortIndex {
	const sorted = sortByLastUpdated(specs);
	const authors = numbering<{ name: string; slug: string }>((author) => `${author.slug}\n${author.name}`);
	const tags = numbering<string>((tag) => tag);
	const index: SortIndex = { today: options.today, staleAfterDays: options.staleAfterDays, names: [], slugs: [], tagNames: tags.values, id: [], feature: [], status: [], authors: [], updated: [], since: [], phases: [], span: [], stale: [], tags: [] };
	for (const spec of sorted) {
		index.id.push(spec.id);
		index.feature.push(spec.feature);
		index.status.push(STATUSES.indexOf(spec.status));
		index.authors.push(spec.authors.map((author) => authors.number(author)));
		index.updated.push(spec.lastUpdated);
		index.since.push(spec.statusSince ?? 0);
		index.phases.push(spec.phaseCount);
		index.span.push(spec.span ? [spec.span.start, spec.span.end] : 0);
		index.stale.push(spec.staleDays ?? 0);
		index.tags.push(spec.tags.map((tag) => tags.number(tag)));
	}
	index.names = authors.values.map((author) => author.name);
	index.slugs = authors.values.map((author) => author.slug);
	return index;
}

/** The specs of an index, in its order (newest Last Updated first). */
export function decodeSortIndex(index: SortIndex): IndexedSpec[] {
	return index.id.map((id, at) => {
		const span = index.span[at];
		return {
			id,
			feature: index.feature[at] as string,
			status: STATUSES[index.status[at] as number] as Status,
			authors: (index.authors[at] ?? []).map((author) => ({ name: index.names[author] as string, slug: index.slugs[author] as string })),
			lastUpdated: index.updated[at] as string,
			statusSince: index.since[at] || null,
			phaseCount: index.phases[at] as number,
			span: span ? { start: span[0], end: span[1] } : undefined,
			staleDays: index.stale[at] || undefined,
			tags: (index.tags[at] ?? []).map((tag) => index.tagNames[tag] as string),
		};
	});
}

/**
 * A spec with every part a row or card can show (a stale badge, a status since, a phase span, an
 * author, a tag): rendered once into a page's `<template>`, the skeleton its script fills.
 */
export const SKELETON_SPEC: IndexedSpec = {
	id: 'skeleton',
	feature: 'Skeleton',
	status: 'Draft',
	authors: [{ name: 'Skeleton', slug: 'skeleton' }],
	lastUpdated: '2000-01-01',
	statusSince: '2000-01-01',
	phaseCount: 1,
	span: { start: '2000-01-01', end: '2000-01-01' },
	staleDays: 1,
	tags: ['skeleton'],
};

/** `1 phase`, `3 phases`. */
export const phasesText = (count: number) => `${count} ${count === 1 ? 'phase' : 'phases'}`;
