// Relies on Pagefind UI loading every filter in its `init` with one `loadFilters()` call right after it stores the imported Pagefind; if the call moves, the header search fetches the filter data again (the upgrade test and the e2e test fail).
/**
 * The header search (Starlight's Pagefind UI) without the filter data. Pagefind UI loads every
 * filter's values (status, author, tag) as soon as it starts, to offer them beside the results:
 * 45 KB at 5,000 specs, fetched before the first result, and more than the plain Pagefind UI of a
 * site without filters fetches for a whole query. Filtering is the search page's job (/search/,
 * which loads the filters itself); the header links there instead. Without that call Pagefind UI
 * never learns of a filter, so it shows no filter panel, and a search loads only the filters it
 * uses (none).
 */

import { modulePatchPlugin } from './module-patch.ts';

/** The module Starlight's header search imports (`@pagefind/default-ui`, its ES build). */
const PAGEFIND_UI_MODULE = /[\\/]@pagefind[\\/]default-ui[\\/]npm_dist[\\/]mjs[\\/]ui-core\.mjs$/u;

/** The eager load in Pagefind UI's `init`, after the imported Pagefind is stored. */
export const EAGER_FILTER_LOAD = /(\bpagefind = imported_pagefind;)\s*loadFilters\(\);/u;

/** Pagefind UI's code without the eager filter load; the code unchanged when it has none. */
export function withoutEagerFilters(code: string): string {
	return code.replace(EAGER_FILTER_LOAD, '$1');
}

/** A Vite plugin applying withoutEagerFilters() to Pagefind UI; `warn` is told when the call is not found. */
export const pagefindUiFiltersPlugin = (warn: (message: string) => void) =>
	modulePatchPlugin({
		name: 'specbook:pagefind-ui-filters',
		module: PAGEFIND_UI_MODULE,
		patch: withoutEagerFilters,
		warning: 'Pagefind UI no longer loads its filters where Specbook expects: the header search fetches the filter data before its first result.',
		warn,
	});
