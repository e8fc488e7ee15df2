/**
 * The hardening fixture built under `/handbook/` with `staleAfterDays: 100`: links between specs
 * (Markdown and MDX, inline and by reference, with anchors) point to the linked spec's page and an
 * existing heading there; stale Draft and In Review specs are marked and listed.
 */
import { describe, expect, test } from 'vitest';
import { builtFixture } from '../helpers/fixtures.ts';
import { element, elements, hrefs, textOf } from '../helpers/html.ts';

const site = builtFixture('hardening');

const BASE = '/handbook';
const read = (path: string) => site.read(path.slice(BASE.length));
const bodyOf = (path: string) => element(read(path), /<div class="spec-body/) ?? '';
const mainOf = (path: string) => element(read(path), /<main[\s>]/) ?? '';
/** The links an author wrote in a spec's body (not the heading anchors Starlight adds). */
const linksOf = (path: string) => hrefs(bodyOf(path).replace(/<a class="sl-anchor-link"[^>]*>/g, ''));

/** Every id attribute on a page. */
const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]));

describe('links between specs', () => {
	test('a Markdown spec links other specs by page URL, anchors kept, and leaves other links alone', () => {
		expect(linksOf(`${BASE}/specs/payments/refunds/`)).toEqual([
			// In Phase 1's Dependencies.
			`${BASE}/specs/ledger/idempotency/#phase-2-kafka-consumer-path`,
			// Under "Related specs": inline, by reference, `./../`, no anchor, same page, external.
			`${BASE}/specs/identity/passkeys/`,
			`${BASE}/specs/identity/passkeys/`,
			`${BASE}/specs/ledger/idempotency/#phase-1-key-table`,
			`${BASE}/specs/ledger/idempotency/`,
			'#phase-2-backfill',
			'https://astro.build/',
		]);
	});

	test('an MDX spec gets the same rewriting, in Markdown links inside components too', () => {
		expect(linksOf(`${BASE}/specs/identity/passkeys/`)).toEqual([`${BASE}/specs/payments/refunds/#related-specs`, `${BASE}/specs/ledger/idempotency/`]);
	});

	test('every rewritten link leads to a built page, and its anchor to a heading there', () => {
		for (const from of ['/specs/payments/refunds/', '/specs/identity/passkeys/']) {
			for (const href of linksOf(`${BASE}${from}`).filter((link) => link.startsWith(`${BASE}/specs/`))) {
				const [path = '', anchor] = href.split('#');
				expect(site.exists(path.slice(BASE.length)), href).toBe(true);
				if (anchor) expect(idsOf(read(path)).has(anchor), href).toBe(true);
			}
		}
	});
});

describe('stale specs (staleAfterDays: 100, built on 2026-11-26)', () => {
	test('the In Review spec last updated 148 days ago is marked in its header', () => {
		const header = element(read(`${BASE}/specs/payments/refunds/`), /<header class="spec-header/) ?? '';
		expect(textOf(header)).toMatch(/^Status In Review Stale /);
		expect(header).toContain('title="Not updated for 148 days.');
	});

	test('a Draft 91 days old is not stale with a 100-day window, nor is an Approved spec of any age', () => {
		for (const path of ['/specs/old-draft/', '/specs/ledger/idempotency/', '/specs/fresh-draft/']) {
			expect(textOf(element(read(`${BASE}${path}`), /<header class="spec-header/) ?? ''), path).not.toContain('Stale');
		}
	});

	test('the table and the lists mark it', () => {
		const row = elements(read(`${BASE}/specs/`), /<tr[\s>]/).find((tr) => tr.includes('Refunds v2')) ?? '';
		expect(textOf(row)).toContain('In Review Stale');
		const card = elements(mainOf(`${BASE}/status/in-review/`), /<li class="spec-card/)[0] ?? '';
		expect(textOf(card)).toMatch(/^Refunds v2 Stale /);
		expect(textOf(mainOf(`${BASE}/status/draft/`))).not.toContain('Stale');
	});

	test('/status/stale/ lists exactly the stale specs, linked from the sidebar with a count and from home', () => {
		const main = mainOf(`${BASE}/status/stale/`);
		expect(elements(main, /<li class="spec-card/).map((card) => textOf(element(card, /<a /) ?? ''))).toEqual(['Refunds v2']);
		expect(textOf(main)).toContain('more than 100 days old');
		const sidebar = element(read(`${BASE}/`), /<nav class="sidebar/) ?? '';
		expect(textOf(sidebar)).toContain('Approved (1) Stale (1) Authors');
		expect(hrefs(sidebar)).toContain(`${BASE}/status/stale/`);
		const home = mainOf(`${BASE}/`);
		expect(textOf(home)).toMatch(/1 stale spec ?: Draft or In Review, not updated for more than 100 days\./);
		expect(hrefs(home)).toContain(`${BASE}/status/stale/`);
	});
});
