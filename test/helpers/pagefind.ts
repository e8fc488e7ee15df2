/**
 * Queries a built site's Pagefind index in Node, through the site's own `pagefind/pagefind.js`
 * (the same code and files a browser loads), so search tests need no browser. Pagefind fetches its
 * index files relative to the script; Node's fetch cannot read `file:` URLs, so those are served
 * from disk here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

export interface PagefindResultData {
	url: string;
	excerpt: string;
	content: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

export interface PagefindSearch {
	results: { id: string; score: number; data(): Promise<PagefindResultData> }[];
	filters?: Record<string, Record<string, number>>;
}

export interface PagefindApi {
	filters(): Promise<Record<string, Record<string, number>>>;
	search(term: string | null, options?: { filters?: object; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
}

let fetchPatched = false;

/** Let `fetch` read `file:` URLs (only those; anything else goes to the real fetch). */
function patchFetch(): void {
	if (fetchPatched) return;
	fetchPatched = true;
	const realFetch = globalThis.fetch;
	globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		if (url.startsWith('file:')) return new Response(await readFile(new URL(url)));
		return realFetch(input, init);
	};
}

/** The Pagefind API of a built site, as `/pagefind/pagefind.js` gives it to a browser. */
export async function loadPagefind(outDir: string): Promise<PagefindApi> {
	patchFetch();
	const bundle = join(outDir, 'pagefind');
	const pagefind = (await import(/* @vite-ignore */ pathToFileURL(join(bundle, 'pagefind.js')).href)) as PagefindApi & {
		options(options: object): Promise<void>;
	};
	// Result URLs as on the site (`/specs/x/`), not prefixed with the bundle's file path.
	await pagefind.options({ basePath: `${pathToFileURL(bundle).href}/`, baseUrl: '/' });
	return pagefind;
}

/** Every result's data, best first. */
export async function resultData(search: PagefindSearch, limit = Infinity): Promise<PagefindResultData[]> {
	return Promise.all(search.results.slice(0, limit).map((result) => result.data()));
}

/** `/specs/payments/retry/` → `payments/retry`. */
export const specIdOfUrl = (url: string) => url.replace(/^\/specs\//, '').replace(/\/(#.*)?$/, '');

/** One page of a Pagefind index, as its fragment file holds it. */
export interface PagefindFragment {
	url: string;
	content: string;
	word_count: number;
	filters: Record<string, string[]>;
	meta: Record<string, string>;
	anchors: { element: string; id: string; text: string; location: number }[];
	sort?: Record<string, string>;
}

/** Every page a Pagefind bundle (`…/pagefind/`) holds, by URL: what a search can find and show of each. */
export function pagefindFragments(bundle: string): Map<string, PagefindFragment> {
	const fragments = new Map<string, PagefindFragment>();
	const dir = join(bundle, 'fragment');
	for (const name of readdirSync(dir)) {
		// Gzipped, behind Pagefind's signature ("pagefind_dcd").
		const data = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
		const fragment = JSON.parse(data.slice(data.indexOf('{'))) as PagefindFragment;
		fragments.set(fragment.url, fragment);
	}
	return fragments;
}
