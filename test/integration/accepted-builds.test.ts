/**
 * Whatever `check` accepts, the site builds: every spec of a folder check passes (random specs in
 * random spellings, the same after random edits, awkward but allowed names, and inputs that once
 * passed check and crashed the build) gets its page, and nothing is left out.
 */
import { describe, expect, test } from 'vitest';
import { specIdFromPath } from '../../src/core/paths.ts';
import { builtFixture } from '../helpers/fixtures.ts';
import { acceptedSpecs } from '../helpers/generated-specs.ts';

describe('what check accepts, the build builds', () => {
	const site = builtFixture('accepted');
	const accepted = Object.keys(acceptedSpecs());

	test('a good share of the random and edited specs pass check, so the property is exercised', () => {
		expect(accepted.filter((path) => path.startsWith('random/')).length).toBeGreaterThan(20);
		expect(accepted.filter((path) => path.startsWith('mutated/')).length).toBeGreaterThan(10);
		expect(accepted.filter((path) => path.startsWith('names/') || path.startsWith('edge/'))).toHaveLength(9);
	});

	test('every accepted spec has its page and its entry in the API', () => {
		const api = JSON.parse(site.read('/api/specs.json')) as { specs: { id: string; url: string }[] };
		const ids = accepted.map((path) => specIdFromPath('.', path)).sort();
		expect(api.specs.map((spec) => spec.id).sort()).toEqual(ids);
		for (const { id, url } of api.specs) {
			const path = decodeURI(url);
			expect(site.exists(path), `${id}: ${path}`).toBe(true);
			expect(site.read(path)).toContain('class="spec-body');
		}
	});

	test('a Draft numbered from Phase 0 is published with its phase', () => {
		expect(site.read('/specs/edge/phase-zero/')).toContain('Spike');
	});

	test('an .mdx aside with attributes (check once called them an MDX syntax error) is a Starlight aside', () => {
		const aside = /<aside aria-label="Note" class="starlight-aside starlight-aside--note">[\s\S]*?<\/aside>/u.exec(site.read('/specs/edge/aside/'))?.[0] ?? '';
		expect(aside).toContain('Retries stop at the budget.');
	});
});
