/**
 * The queries the pages need, as pure functions over parsed specs: ordering, grouping by status and
 * by author, and the reverse of `supersedes`. Pages call these and never sort or group themselves.
 */
import type { Author, Spec, Status } from '../core/model.ts';
import { compareIso } from '../core/dates.ts';
import { idOrder, nameOrder } from './collation.ts';

/** What ordering by Last Updated reads of a spec. */
type Dated = Pick<Spec, 'lastUpdated' | 'feature' | 'id'>;

/** Newest Last Updated first; ties broken by feature name, then id, so the order is stable. */
export function compareByLastUpdated(a: Dated, b: Dated): number {
	return compareIso(b.lastUpdated, a.lastUpdated) || nameOrder.compare(a.feature, b.feature) || idOrder.compare(a.id, b.id);
}

/** A copy of `specs`, newest Last Updated first. */
export function sortByLastUpdated<T extends Dated>(specs: readonly T[]): T[] {
	return [...specs].sort(compareByLastUpdated);
}

/** A copy of `specs` sorted by id (the JSON API's order). */
export function sortById<T extends Spec>(specs: readonly T[]): T[] {
	return [...specs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The `count` most recently updated specs. */
export function recentlyUpdated<T extends Spec>(specs: readonly T[], count: number): T[] {
	return sortByLastUpdated(specs).slice(0, count);
}

/** Specs with one status, newest first. */
export function specsWithStatus<T extends Dated & Pick<Spec, 'status'>>(specs: readonly T[], status: Status): T[] {
	return sortByLastUpdated(specs.filter((spec) => spec.status === status));
}

/** An author and everything they wrote. */
export interface AuthorSummary {
	/** URL slug, shared by every spelling that slugs the same. */
	slug: string;
	/** The name as first written (in id order, so it does not change with edit dates). */
	name: string;
	/** Their specs, newest first. */
	specs: Spec[];
}

/** Every author, by name, with their specs. Authors are matched by slug (`Ana Lima` = `ana lima`). */
export function authorsOf<T extends Spec>(specs: readonly T[]): AuthorSummary[] {
	const bySlug = new Map<string, { name: string; specs: T[] }>();
	for (const spec of sortById(specs)) {
		// A spec listing the same person twice still counts once for them.
		for (const slug of new Set(spec.authors.map((author) => author.slug))) {
			const author = spec.authors.find((a) => a.slug === slug) as Author;
			const summary = bySlug.get(slug) ?? { name: author.name, specs: [] };
			summary.specs.push(spec);
			bySlug.set(slug, summary);
		}
	}
	return [...bySlug]
		.map(([slug, { name, specs }]) => ({ slug, name, specs: sortByLastUpdated(specs) }))
		.sort((a, b) => nameOrder.compare(a.name, b.name) || idOrder.compare(a.slug, b.slug));
}

/** For each spec id, the specs whose `supersedes` names it (newest first). */
export function supersededBy<T extends Spec>(specs: readonly T[]): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const spec of sortByLastUpdated(specs)) {
		for (const id of spec.supersedes) map.set(id, [...(map.get(id) ?? []), spec]);
	}
	return map;
}

/** Look specs up by id. */
export function byId<T extends Spec>(specs: readonly T[]): Map<string, T> {
	return new Map(specs.map((spec) => [spec.id, spec]));
}

/** What comes before the name at `index` of `count` in a written list: `A, B and C`. */
export const nameSeparator = (index: number, count: number) => (index === 0 ? '' : index === count - 1 ? ' and ' : ', ');
