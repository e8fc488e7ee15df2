/**
 * The search page in the browser: loads the Pagefind index built after `astro build`, keeps the
 * query and the facets in the URL (`?q=…&status=…`), and fills in the counts and results. The
 * state logic lives in src/site/search.ts; this file is the DOM and Pagefind glue. Bundled by
 * Astro (no inline script or style), so a Content-Security-Policy can hash or allow it.
 */
import {
	facetOrder,
	hasFilters,
	pagefindFilters,
	parseSearchParams,
	resultSummary,
	sameState,
	SEARCH_FACETS,
	toSearchParams,
	emptyFilters,
	FACET_LIMIT,
	shownFacetValues,
	type FacetCounts,
	type SearchFacet,
	type SearchState,
} from '../site/search.ts';
import { withBase } from '../site/urls.ts';

/** The parts of Pagefind's JS API used here (https://pagefind.app/docs/api/). */
interface Pagefind {
	options(options: { baseUrl?: string }): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<Record<string, FacetCounts>>;
	search(term: string | null, options?: { filters?: object; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
}

interface PagefindSearch {
	results: { id: string; data(): Promise<PagefindResult> }[];
	/** Counts per filter value among the results (absent for a search with neither term nor filter). */
	filters?: Record<string, FacetCounts>;
}

interface PagefindResult {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
	/** The matches by section (heading with an id); the first is the page's top when it matches. */
	sub_results: { title: string; url: string; excerpt: string; locations: number[] }[];
}

/** Results shown at first and added by each "Show more": each one fetches a small fragment file. */
const PAGE_SIZE = 10;
/** Typing pauses this long before searching; Enter searches at once. */
const TYPING_DELAY_MS = 200;

export async function startSearchPage(root: HTMLElement): Promise<void> {
	const ui = elements(root);
	let pagefind: Pagefind;
	let siteCounts: Record<string, FacetCounts>;
	try {
		pagefind = (await import(/* @vite-ignore */ withBase('/pagefind/pagefind.js', import.meta.env.BASE_URL))) as Pagefind;
		await pagefind.options({ baseUrl: import.meta.env.BASE_URL });
		siteCounts = await pagefind.filters();
	} catch (error) {
		// No index (`astro dev` does not build one) or it could not load: keep the static links.
		ui.fallbackMessage.textContent = import.meta.env.DEV
			? 'Search needs the index a build makes: run `npm run build` and `npm run preview`. Browse the specs instead:'
			: 'Search is not available right now. Browse the specs instead:';
		console.warn('Specbook search: the Pagefind index did not load.', error);
		root.toggleAttribute('data-search-unavailable', true);
		return;
	}

	const facets = new Map(SEARCH_FACETS.map((facet) => [facet, new FacetList(root, facet, siteCounts[facet] ?? {})]));
	const baseTitle = document.title;
	let shownState = parseSearchParams(new URLSearchParams(location.search));
	let search: PagefindSearch | undefined;
	let shown = 0;
	let generation = 0;
	let typingTimer: ReturnType<typeof setTimeout> | undefined;

	// Already so where the browser knows `@media (scripting)` (SpecSearch.astro): nothing moves.
	ui.fallback.hidden = true;
	const wide = matchMedia('(min-width: 50rem)');
	ui.facetsDisclosure.open = wide.matches;
	wide.addEventListener('change', () => (ui.facetsDisclosure.open ||= wide.matches));

	/** The state the controls show. */
	const readControls = (): SearchState => {
		const filters = emptyFilters();
		for (const [facet, list] of facets) filters[facet] = list.selected();
		return { q: ui.input.value.trim(), filters };
	};

	/** Show a state in the controls (on load and on back/forward). */
	const writeControls = (state: SearchState) => {
		ui.input.value = state.q;
		for (const [facet, list] of facets) list.select(state.filters[facet]);
	};

	/** Search for what the controls show, recording it in the URL (`push` for a new history entry). */
	const commit = (history: 'push' | 'replace') => {
		clearTimeout(typingTimer);
		const state = readControls();
		if (!sameState(state, shownState)) {
			const query = toSearchParams(state).toString();
			const url = location.pathname + (query ? `?${query}` : '');
			if (history === 'push') window.history.pushState(null, '', url);
			else window.history.replaceState(null, '', url);
		}
		void run(state);
	};

	const run = async (state: SearchState) => {
		const current = ++generation;
		shownState = state;
		document.title = state.q ? `${state.q} · ${baseTitle}` : baseTitle;
		ui.results.setAttribute('aria-busy', 'true');
		const term = state.q || null;
		const filters = pagefindFilters(state.filters);
		// Relevance for a query; newest first when browsing.
		const sort = term ? undefined : { updated: 'desc' as const };
		const main = await pagefind.search(term, { filters, ...(sort ? { sort } : {}) });
		// A facet with a selection is counted without it (what each of its values would give); the
		// others come from the main search.
		const counts = await Promise.all(
			SEARCH_FACETS.map(async (facet) => {
				if (state.filters[facet].length === 0) return countsOf(main, facet, term, filters);
				const others = pagefindFilters(state.filters, facet);
				return countsOf(await pagefind.search(term, { filters: others }), facet, term, others);
			}),
		);
		if (current !== generation) return;
		search = main;
		shown = 0;
		for (const [index, facet] of SEARCH_FACETS.entries()) facets.get(facet)?.update(counts[index] ?? {});
		const selected = SEARCH_FACETS.reduce((sum, facet) => sum + state.filters[facet].length, 0);
		ui.selectedCount.textContent = selected ? ` (${selected} selected)` : '';
		ui.clearFilters.hidden = !hasFilters(state);
		ui.results.replaceChildren();
		await showMore(current);
		if (current !== generation) return;
		ui.status.textContent = resultSummary(main.results.length, state);
		ui.results.removeAttribute('aria-busy');
	};

	/** Counts of one facet's values from a search; the whole site's for a search of everything. */
	const countsOf = (result: PagefindSearch, facet: SearchFacet, term: string | null, filters: object): FacetCounts =>
		result.filters?.[facet] ?? (term === null && Object.keys(filters).length === 0 ? (siteCounts[facet] ?? {}) : {});

	/** Append the next page of results; returns the first new link. */
	const showMore = async (current: number): Promise<HTMLAnchorElement | undefined> => {
		const page = search?.results.slice(shown, shown + PAGE_SIZE) ?? [];
		const data = await Promise.all(page.map((result) => result.data()));
		if (current !== generation) return undefined;
		shown += page.length;
		const items = data.map((result) => renderResult(root, ui.resultTemplate, result, shownState.q !== ''));
		ui.results.append(...items);
		ui.moreResults.hidden = shown >= (search?.results.length ?? 0);
		return items[0]?.querySelector<HTMLAnchorElement>('[data-result-link]') ?? undefined;
	};

	ui.form.addEventListener('submit', (event) => {
		event.preventDefault();
		commit('push');
	});
	ui.input.addEventListener('input', () => {
		clearTimeout(typingTimer);
		typingTimer = setTimeout(() => commit('replace'), TYPING_DELAY_MS);
	});
	ui.facetsDisclosure.addEventListener('change', (event) => {
		if (event.target instanceof HTMLInputElement && event.target.type === 'checkbox') commit('push');
	});
	ui.clearFilters.addEventListener('click', () => {
		for (const list of facets.values()) list.select([]);
		commit('push');
		// The button hides itself; keep focus in the filters.
		root.querySelector<HTMLInputElement>('[data-facet-values] input')?.focus();
	});
	ui.moreResults.addEventListener('click', async () => {
		const first = await showMore(generation);
		first?.focus();
	});
	window.addEventListener('popstate', () => {
		const state = parseSearchParams(new URLSearchParams(location.search));
		writeControls(state);
		void run(state);
	});

	writeControls(shownState);
	await run(shownState);
}

/** The page's fixed elements. */
function elements(root: HTMLElement) {
	const get = <T extends Element>(selector: string) => {
		const element = root.querySelector<T>(selector);
		if (!element) throw new Error(`Search page: missing ${selector}`);
		return element;
	};
	return {
		fallback: get<HTMLElement>('[data-search-fallback]'),
		fallbackMessage: get<HTMLElement>('[data-search-fallback-message]'),
		form: get<HTMLFormElement>('[data-search-form]'),
		input: get<HTMLInputElement>('[data-search-input]'),
		facetsDisclosure: get<HTMLDetailsElement>('[data-search-facets]'),
		selectedCount: get<HTMLElement>('[data-selected-count]'),
		clearFilters: get<HTMLButtonElement>('[data-clear-filters]'),
		status: get<HTMLElement>('[data-search-status]'),
		results: get<HTMLOListElement>('[data-results]'),
		moreResults: get<HTMLButtonElement>('[data-more-results]'),
		resultTemplate: get<HTMLTemplateElement>('[data-result-template]'),
	};
}

/**
 * One facet's checkboxes. Values keep the order they were first listed in, and their elements are
 * updated in place, so focus and position survive every search. A value gets its element only when
 * it is first shown (shownFacetValues()): the rest of a long facet costs nothing until "Show all".
 */
class FacetList {
	readonly #facet: SearchFacet;
	readonly #fieldset: HTMLFieldSetElement;
	readonly #list: HTMLUListElement;
	readonly #more: HTMLButtonElement;
	readonly #template: HTMLTemplateElement;
	/** Every value, in the order listed. */
	readonly #order: string[];
	readonly #items = new Map<string, { item: HTMLLIElement; input: HTMLInputElement; count: HTMLElement }>();
	/** The counts of the last search, for values shown later. */
	#counts: FacetCounts | undefined;
	#expanded = false;

	constructor(root: HTMLElement, facet: SearchFacet, siteCounts: FacetCounts) {
		const fieldset = root.querySelector<HTMLFieldSetElement>(`fieldset[data-facet="${facet}"]`);
		const template = root.querySelector<HTMLTemplateElement>('[data-facet-template]');
		const list = fieldset?.querySelector<HTMLUListElement>('[data-facet-values]');
		const more = fieldset?.querySelector<HTMLButtonElement>('[data-facet-more]');
		if (!fieldset || !template || !list || !more) throw new Error(`Search page: missing the ${facet} facet`);
		this.#facet = facet;
		this.#fieldset = fieldset;
		this.#list = list;
		this.#more = more;
		this.#template = template;
		this.#order = facetOrder(facet, siteCounts);
		more.addEventListener('click', () => {
			this.#expanded = !this.#expanded;
			this.#show(new Set(this.selected()));
		});
		this.#show(new Set());
	}

	selected(): string[] {
		return this.#order.filter((value) => this.#items.get(value)?.input.checked);
	}

	/** Check exactly these values, listing any the index does not know (so they can be cleared). */
	select(values: readonly string[]): void {
		for (const value of values) if (!this.#order.includes(value)) this.#order.push(value);
		const selected = new Set(values);
		this.#show(selected);
		for (const [value, { input }] of this.#items) input.checked = selected.has(value);
	}

	/** Show each value's count for the current search. */
	update(counts: FacetCounts): void {
		this.#counts = counts;
		for (const [value, entry] of this.#items) this.#setCount(value, entry);
		this.#show(new Set(this.selected()));
	}

	/** Give the shown values elements, in the facet's order, and hide the others. */
	#show(selected: ReadonlySet<string>): void {
		const shown = new Set(shownFacetValues(this.#order, selected, this.#expanded));
		// From the end, so each new element goes before the next one already there, and none moves.
		let next: HTMLLIElement | null = null;
		for (let index = this.#order.length - 1; index >= 0; index--) {
			const value = this.#order[index] as string;
			let entry = this.#items.get(value);
			if (!entry && shown.has(value)) {
				entry = this.#create(value);
				this.#list.insertBefore(entry.item, next);
			}
			if (entry) {
				entry.item.hidden = !shown.has(value);
				next = entry.item;
			}
		}
		const total = this.#order.length;
		this.#fieldset.hidden = total === 0;
		this.#more.hidden = total <= FACET_LIMIT;
		this.#more.setAttribute('aria-expanded', String(this.#expanded));
		this.#more.textContent = this.#expanded ? 'Show fewer' : `Show all ${total} ${this.#facet}s`;
	}

	#create(value: string) {
		const item = (this.#template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
		const input = item.querySelector('input') as HTMLInputElement;
		input.name = this.#facet;
		input.value = value;
		(item.querySelector('[data-facet-name]') as HTMLElement).textContent = value;
		const entry = { item, input, count: item.querySelector('[data-facet-count]') as HTMLElement };
		this.#setCount(value, entry);
		this.#items.set(value, entry);
		return entry;
	}

	#setCount(value: string, { item, count }: { item: HTMLLIElement; count: HTMLElement }): void {
		if (!this.#counts) return;
		const n = this.#counts[value] ?? 0;
		count.textContent = String(n);
		item.toggleAttribute('data-empty', n === 0);
	}
}

/** One result: feature (linked), status, authors, last updated, and the excerpt for a query. */
function renderResult(root: HTMLElement, template: HTMLTemplateElement, result: PagefindResult, withExcerpt: boolean): HTMLLIElement {
	const item = (template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
	const link = item.querySelector('[data-result-link]') as HTMLAnchorElement;
	link.href = result.url;
	link.textContent = result.meta.feature ?? result.meta.title ?? result.url;

	const status = result.meta.status ?? result.filters.status?.[0];
	const statusSlot = item.querySelector('[data-result-status]') as HTMLElement;
	const badge = status ? root.querySelector<HTMLTemplateElement>(`template[data-status-badge="${CSS.escape(status)}"]`) : null;
	if (badge) statusSlot.replaceChildren(badge.content.cloneNode(true));
	else if (status) statusSlot.textContent = status;
	else statusSlot.remove();

	const authorsSlot = item.querySelector('[data-result-authors]') as HTMLElement;
	const authors = result.meta.authors ?? joinNames(result.filters.author ?? []);
	if (authors) authorsSlot.textContent = authors;
	else authorsSlot.remove();

	const updated = item.querySelector('[data-result-updated]') as HTMLTimeElement;
	if (result.meta.updated) {
		updated.dateTime = result.meta.updated;
		updated.textContent = result.meta.updated;
	} else updated.parentElement?.remove();

	const excerptBlock = item.querySelector('[data-result-excerpt-block]') as HTMLElement;
	const match = withExcerpt ? bestMatch(result) : undefined;
	if (match) {
		const section = item.querySelector('[data-result-section]') as HTMLAnchorElement;
		if (match.section) {
			section.href = match.section.url;
			section.textContent = match.section.title;
		} else section.remove();
		// Pagefind escapes the page text and marks the matches with <mark>.
		(item.querySelector('[data-result-excerpt]') as HTMLElement).innerHTML = match.excerpt;
	} else excerptBlock.remove();
	return item;
}

/**
 * The excerpt to show: from the section with the most matches, linked by its heading, rather than
 * the page's top (the title, which the result already shows). The page excerpt when no section
 * matches.
 */
function bestMatch(result: PagefindResult): { excerpt: string; section?: { title: string; url: string } } | undefined {
	const sections = result.sub_results.filter((sub) => sub.url.includes('#') && sub.excerpt);
	const best = sections.reduce<(typeof sections)[number] | undefined>(
		(top, sub) => (!top || sub.locations.length > top.locations.length ? sub : top),
		undefined,
	);
	if (best) return { excerpt: best.excerpt, section: { title: best.title, url: best.url } };
	return result.excerpt ? { excerpt: result.excerpt } : undefined;
}

/** `A`, `A and B`, `A, B and C`, as the spec header writes authors. */
function joinNames(names: readonly string[]): string {
	return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
