/**
 * The site served under a non-root base (`--base /handbook/`): every internal link, the JSON API's
 * URLs and the feed's links must include it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildFixture, type BuiltSite } from '../helpers/build-fixture.ts';
import { element, hrefs } from '../helpers/html.ts';

const BASE = '/handbook';
let site: BuiltSite;

beforeAll(async () => {
	site = await buildFixture('site', { base: `${BASE}/`, site: 'https://docs.example.org' });
	if (site.exitCode !== 0) throw new Error(`The fixture build failed:\n${site.output}`);
}, 180_000);

afterAll(() => site?.cleanup());

/** Internal links of a page: site-relative hrefs that are not assets. */
const internalLinks = (file: string) =>
	hrefs(site.read(file)).filter((href) => href.startsWith('/') && !href.startsWith('//') && !/\.(css|svg|js)$/.test(href));

test('every internal link on our pages starts with the base and resolves', () => {
	const pages = site.files().filter((file) => file.endsWith('.html') && !file.startsWith('guide/'));
	expect(pages.length).toBeGreaterThan(10);
	const outside: string[] = [];
	const broken: string[] = [];
	for (const file of pages) {
		for (const href of internalLinks(file)) {
			if (!href.startsWith(`${BASE}/`)) {
				outside.push(`${file} → ${href}`);
				continue;
			}
			const path = decodeURIComponent(href.slice(BASE.length).split(/[?#]/)[0] as string);
			if (['/timeline/', '/search/'].includes(path) && !site.exists(path)) continue; // added by other features
			if (!site.exists(path)) broken.push(`${file} → ${href}`);
		}
	}
	expect(outside).toEqual([]);
	expect(broken).toEqual([]);
});

test('the sidebar, the spec header and the search form use the base', () => {
	const page = site.read('/specs/payments/retry-v2/');
	expect(hrefs(element(page, /<ul class="top-level/) ?? '')).toContain(`${BASE}/status/in-review/`);
	expect(hrefs(element(page, /<header class="spec-header/) ?? '')).toEqual(
		expect.arrayContaining([`${BASE}/authors/ana-lima/`, `${BASE}/specs/payments/retry-v1/`]),
	);
	expect(site.read('/')).toMatch(new RegExp(`<form[^>]*action="${BASE}/search/"`));
});

test('the JSON API and the feed give URLs under the base', () => {
	const { specs } = JSON.parse(site.read('/api/specs.json')) as { specs: { id: string; url: string }[] };
	expect(specs.find((spec) => spec.id === 'platform/mesh')?.url).toBe(`${BASE}/specs/platform/mesh/`);
	expect(site.read('/feed.xml')).toContain(`<link>https://docs.example.org${BASE}/specs/payments/retry-v2/</link>`);
});
