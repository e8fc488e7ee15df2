/**
 * A site built from imported specs (test/helpers/imported-specs.ts): it builds although the specs
 * lack sections and their sources had broken links; each page says it was imported, from where,
 * with what status, and which sections the original did not have; a broken link shows as text.
 */
import { describe, expect, it } from 'vitest';
import type { ApiDocument } from '../../src/site/api.ts';
import { builtFixture } from '../helpers/fixtures.ts';
import { element, hrefs, textOf } from '../helpers/html.ts';

const site = builtFixture('imported');

describe('a site of imported specs', () => {
	const page = () => site.read('/specs/push-notification-service/');

	it('shows the Imported note: the source, the original status, the sections the original did not have', () => {
		const note = textOf(element(page(), /<aside[^>]*aria-label="Imported"/) ?? '');
		expect(note).toContain('From test/fixtures/import/docs/app-bold-fields.md with the status “Ready for Development”.');
		expect(note).toContain('The original did not have these sections: Testing Strategy, Deployment, Documentation.');
		expect(textOf(element(site.read('/specs/implicit-self-in-nested-closures/'), /<aside[^>]*aria-label="Imported"/) ?? '')).toContain('“Implemented (Swift 5.0)”');
	});

	it('shows a link its source had broken as text, and a missing image as its alt text', () => {
		const body = element(page(), /<div class="spec-body/) ?? '';
		expect(textOf(body)).toContain('See the sender audit and the legacy worker.');
		expect(hrefs(body).filter((href) => /sender-audit|worker\.go/u.test(href))).toEqual([]);
		expect(body).not.toMatch(/<img[^>]*dispatcher/u);
		expect(textOf(body)).toContain('Dispatcher diagram');
	});

	it('lists `imported` in the JSON API, and the phases with their timelines', () => {
		const api = JSON.parse(site.read('/api/specs.json')) as ApiDocument;
		const push = api.specs.find((spec) => spec.id === 'push-notification-service');
		expect(push?.imported).toEqual({ from: 'test/fixtures/import/docs/app-bold-fields.md', status: 'Ready for Development' });
		expect(push?.phases.map((phase) => [phase.name, phase.timeline])).toEqual([['Queue and dispatcher', 'Q1 2026'], ['Migrate senders', 'TBD']]);
		const ledger = api.specs.find((spec) => spec.id === 'billing-ledger-migration');
		expect(ledger?.phases.map((phase) => phase.timeline)).toEqual(['January 2026', 'Q1 2026', '']);
	});
});
