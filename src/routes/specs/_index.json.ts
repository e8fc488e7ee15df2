/**
 * `/specs/_index.json`: the compact index of every spec that a paged index's script sorts across
 * its pages (src/site/sort-index.ts). Not the JSON API: its shape follows the pages, not a contract.
 */
import type { APIRoute } from 'astro';
import config from 'virtual:specbook/config';
import { getSpecs } from '../../content/query.ts';
import { encodeSortIndex, indexedSpec } from '../../site/sort-index.ts';

export const GET: APIRoute = async () => {
	const options = { today: config.today, staleAfterDays: config.staleAfterDays };
	const index = encodeSortIndex((await getSpecs()).map((spec) => indexedSpec(spec, options)), options);
	return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
