/** `/api/specs.json`: every spec in the published shape of DESIGN.md §3 (see src/site/api.ts). */
import type { APIRoute } from 'astro';
import { getSpecs } from '../../content/query.ts';
import { toApiDocument } from '../../site/api.ts';

export const GET: APIRoute = async () =>
	new Response(`${JSON.stringify(toApiDocument(await getSpecs()), null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
