/**
 * The browser side of a paged index in an order other than its built one (src/site/index-pages.ts):
 * fetches the compact index once, on demand, and writes specs into copies of the page's
 * `<template>` skeletons (SpecTableRow.astro, SpecCard.astro) at their `data-fill` marks. What to
 * show and in what order is decided in src/site; this module only touches the DOM.
 */
import { sinceDaysText } from '../site/history.ts';
import { decodeSortIndex, phasesText, type IndexedSpec, type SortIndex } from '../site/sort-index.ts';
import { nameSeparator } from '../site/specs.ts';
import { staleTitle } from '../site/stale.ts';
import { authorUrl, searchUrl, SORT_PARAM, sortIndexUrl, specUrl } from '../site/urls.ts';

/** Every spec, and the build's today and stale threshold, from the compact index. */
export interface LoadedIndex {
	specs: IndexedSpec[];
	today: string;
	staleAfterDays: number;
}

let loading: Promise<LoadedIndex> | undefined;

/** The compact index, fetched the first time it is asked for (never on page load). */
export function loadIndex(): Promise<LoadedIndex> {
	// Revalidated, not taken from the HTTP cache as it is: an index older than the page (a host
	// caches for minutes after a deploy) would list specs the page does not have.
	loading ??= fetch(sortIndexUrl(), { cache: 'no-cache' }).then(async (response) => {
		if (!response.ok) throw new Error(`${sortIndexUrl()}: ${response.status}`);
		const index = (await response.json()) as SortIndex;
		return { specs: decodeSortIndex(index), today: index.today, staleAfterDays: index.staleAfterDays };
	});
	// A failed fetch may be tried again.
	loading.catch(() => (loading = undefined));
	return loading;
}

/**
 * The choices of one sort control, which can overlap (a second order picked while the index for
 * the first is still loading): each call starts a choice and returns its loader of the index, which
 * gives the index only while that choice is still the latest, and undefined once a later one was
 * made, its failure included, so an order that arrives late never replaces a later one.
 */
export function latestChoice(): () => () => Promise<LoadedIndex | undefined> {
	let latest = 0;
	return () => {
		const run = ++latest;
		return async () => {
			try {
				const index = await loadIndex();
				return run === latest ? index : undefined;
			} catch (error) {
				if (run === latest) throw error;
				return undefined;
			}
		};
	};
}

/** The order the URL names (`?sort=`), or null. */
export const sortInUrl = () => new URLSearchParams(location.search).get(SORT_PARAM);

/** `url` with the order `sort`, or without one when undefined (the built order). */
export function withSort(url: string, sort: string | undefined): string {
	const next = new URL(url, location.href);
	if (sort) next.searchParams.set(SORT_PARAM, sort);
	else next.searchParams.delete(SORT_PARAM);
	return next.pathname + next.search + next.hash;
}

/** Keeps the order in this page's address and in its pager's links, so paging keeps the order. */
export function keepSort(root: ParentNode, sort: string | undefined): void {
	history.replaceState(history.state, '', withSort(location.href, sort));
	for (const link of root.querySelectorAll<HTMLAnchorElement>('.index-pager a[href]')) link.href = withSort(link.getAttribute('href') ?? '', sort);
}

/** Copies of `template`'s skeleton, one per spec, filled. */
export function renderSpecs(template: HTMLTemplateElement, specs: readonly IndexedSpec[], index: LoadedIndex): Element[] {
	const skeleton = template.content.firstElementChild;
	if (!skeleton) return [];
	return specs.map((spec) => {
		const element = skeleton.cloneNode(true) as Element;
		fillSpec(element, spec, index);
		return element;
	});
}

/** Writes `spec` into a copy of a skeleton. */
function fillSpec(element: Element, spec: IndexedSpec, index: LoadedIndex): void {
	const field = (name: string) => element.querySelector<HTMLElement>(`[data-fill="${name}"]`);
	const text = (name: string, value: string) => {
		const target = field(name);
		if (target) target.textContent = value;
		if (target instanceof HTMLTimeElement) target.dateTime = value;
	};
	const group = (name: string, shown: boolean) => {
		if (!shown) element.querySelector(`[data-fill-group="${name}"]`)?.remove();
	};
	text('feature', spec.feature);
	field('feature')?.setAttribute('href', specUrl(spec.id));
	text('updated', spec.lastUpdated);
	text('status-name', spec.status);
	text('phase-count', String(spec.phaseCount));
	text('phases', phasesText(spec.phaseCount));
	group('phases', spec.phaseCount > 0);
	group('span', spec.span !== undefined);
	if (spec.span) {
		text('start', spec.span.start);
		text('end', spec.span.end);
	}
	group('since', spec.statusSince !== null);
	if (spec.statusSince) {
		text('since', spec.statusSince);
		text('since-days', sinceDaysText(spec.statusSince, index.today));
	}
	for (const badge of element.querySelectorAll('.status-badge')) {
		const copy = document.querySelector<HTMLTemplateElement>(`template[data-status-badge="${spec.status}"]`)?.content.firstElementChild;
		if (copy) badge.replaceWith(copy.cloneNode(true));
	}
	const stale = element.querySelector<HTMLElement>('.stale-badge');
	if (spec.staleDays === undefined) stale?.remove();
	else if (stale) stale.title = staleTitle(spec.staleDays, index.staleAfterDays);
	fillLinks(element.querySelector('.author-links'), spec.authors, (author) => [author.name, authorUrl(author.slug)]);
	fillLinks(element.querySelector('.tag-list'), spec.tags, (tag) => [tag, searchUrl({ tag })]);
}

/**
 * Rewrites a list of links (the authors' `A, B and C`, or the tags' `<li>`s) from its first link,
 * removing it when there is none to show.
 */
function fillLinks<T>(list: Element | null, items: readonly T[], link: (item: T) => [string, string]): void {
	if (!list) return;
	const item = list.firstElementChild?.tagName === 'LI' ? list.firstElementChild : list.querySelector('a');
	if (!item || items.length === 0) return list.remove();
	const separated = item.tagName !== 'LI';
	list.replaceChildren(
		...items.flatMap((each, at) => {
			const copy = item.cloneNode(true) as Element;
			const anchor = copy instanceof HTMLAnchorElement ? copy : (copy.querySelector('a') as HTMLAnchorElement);
			[anchor.textContent, anchor.href] = link(each);
			return separated && at > 0 ? [nameSeparator(at, items.length), copy] : [copy];
		}),
	);
}
