/**
 * The search page's state, kept free of the DOM and of Pagefind so it can be tested: the URL
 * contract (`?q=…&status=…&author=…&tag=…`, each facet repeatable), the Pagefind filters a state
 * asks for, and the order facet values are listed in. src/scripts/search-page.ts applies it.
 */
import { STATUSES } from '../core/statuses.ts';
import { parseStatus } from '../core/values.ts';
import { statusFromSlug } from './status.ts';

/**
 * The Pagefind filters every spec page carries (StatusBadge, AuthorLinks, TagList in the spec
 * header), in the order the search page lists them. Other tools rely on these names.
 */
export const SEARCH_FACETS = ['status', 'author', 'tag'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** What the search page shows: a query and the selected values of each facet. */
export interface SearchState {
	/** The query as typed, trimmed; empty to browse by filters. */
	q: string;
	/** Selected values per facet. A spec matches a facet with any of its values, and every facet. */
	filters: Record<SearchFacet, string[]>;
}

/** Filter values Pagefind reported, with how many results each would give. */
export type FacetCounts = Record<string, number>;

export const emptyFilters = (): Record<SearchFacet, string[]> => ({ status: [], author: [], tag: [] });

/**
 * The state a URL asks for. Values are kept as written (they are the spec's own spellings), except
 * statuses, which also accept their URL slug and any case (`in-review` → `In Review`), as
 * `/status/in-review/` does. Empty and repeated values are dropped.
 */
export function parseSearchParams(params: URLSearchParams): SearchState {
	const filters = emptyFilters();
	for (const facet of SEARCH_FACETS) {
		for (const raw of params.getAll(facet)) {
			const value = facet === 'status' ? canonicalStatus(raw.trim()) : raw.trim();
			if (value && !filters[facet].includes(value)) filters[facet].push(value);
		}
	}
	return { q: (params.get('q') ?? '').trim(), filters };
}

/** `in-review`, `IN REVIEW` → `In Review`; other values unchanged (they simply match nothing). */
function canonicalStatus(value: string): string {
	return parseStatus(value) ?? statusFromSlug(value.toLowerCase()) ?? value;
}

/** The query string of a state: `q` first, then each facet's values in the order selected. */
export function toSearchParams(state: SearchState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const facet of SEARCH_FACETS) for (const value of state.filters[facet]) params.append(facet, value);
	return params;
}

/** Whether two states show the same results (the URL need not change). */
export function sameState(a: SearchState, b: SearchState): boolean {
	return toSearchParams(a).toString() === toSearchParams(b).toString();
}

/** True when nothing is selected: no query and no filter. */
export const hasFilters = (state: SearchState) => SEARCH_FACETS.some((facet) => state.filters[facet].length > 0);

/**
 * Pagefind's `filters` search option for a state: any of a facet's values, every facet. With
 * `except`, that facet is left out, which gives its own counts: how many results each of its
 * values would have alongside the other facets' selection (so selecting `Draft` does not zero the
 * count of `Approved`). Without a status selected, any status is asked for: every spec page has
 * one and no other page does, so a host site's own pages (indexed by the same Pagefind) stay out
 * of the search page, which searches specs.
 */
export function pagefindFilters(
	filters: Record<SearchFacet, string[]>,
	except?: SearchFacet,
): Partial<Record<SearchFacet, { any: string[] }>> {
	const result: Partial<Record<SearchFacet, { any: string[] }>> = {};
	for (const facet of SEARCH_FACETS) {
		if (facet !== except && filters[facet].length > 0) result[facet] = { any: [...filters[facet]] };
	}
	result.status ??= { any: [...STATUSES] };
	return result;
}

/**
 * The order a facet lists its values in, fixed for the page's lifetime so checkboxes never move
 * under the pointer or the keyboard: statuses in workflow order, others by how many specs carry
 * them over the whole site (most first), then by name. Selected values the index does not know
 * (an old shared link) are listed last, so they can be cleared.
 */
export function facetOrder(facet: SearchFacet, siteCounts: FacetCounts, selected: readonly string[] = []): string[] {
	const known = Object.keys(siteCounts);
	const ordered =
		facet === 'status'
			? [...STATUSES.filter((status) => known.includes(status)), ...known.filter((value) => !(STATUSES as readonly string[]).includes(value)).sort(byName)]
			: known.sort((a, b) => (siteCounts[b] ?? 0) - (siteCounts[a] ?? 0) || byName(a, b));
	return [...ordered, ...selected.filter((value) => !known.includes(value))];
}

// One collator for every comparison: `localeCompare` with options builds a new one per call, which
// made sorting a few hundred authors the search page's largest script cost on a phone.
const byName = new Intl.Collator('en', { sensitivity: 'base' }).compare;

/** How many values a facet lists before "Show all" (selected values always show). */
export const FACET_LIMIT = 8;

/**
 * The values of a facet the page shows, in the facet's order: the first `limit`, and any selected
 * beyond them; all of them once expanded. Only these get elements, so a facet of 500 authors costs
 * the page 8 checkboxes until the reader asks for the rest.
 */
export function shownFacetValues(order: readonly string[], selected: ReadonlySet<string>, expanded: boolean, limit = FACET_LIMIT): string[] {
	return expanded ? [...order] : order.filter((value, index) => index < limit || selected.has(value));
}

/** The sentence above the results, e.g. `3 specs match “retry”.` */
export function resultSummary(count: number, state: SearchState): string {
	const specs = count === 1 ? '1 spec' : `${count} specs`;
	if (state.q) {
		const verb = count === 1 ? 'matches' : 'match';
		const filtered = hasFilters(state) ? ' with the selected filters' : '';
		return count === 0 ? `No spec matches “${state.q}”${filtered}.` : `${specs} ${verb} “${state.q}”${filtered}.`;
	}
	if (count === 0) return 'No spec has the selected filters.';
	return `${specs}${hasFilters(state) ? ' with the selected filters' : ''}, most recently updated first.`;
}
