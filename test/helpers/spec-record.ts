/** A Spec record as the pages receive it, for tests of page queries: a Draft by Ana Lima, with `overrides`. */
import type { Spec } from '../../src/core/model.ts';
import { NO_HISTORY } from '../../src/core/spec-history.ts';

export const specRecord = (id: string, overrides: Partial<Spec> = {}): Spec => ({
	id,
	path: `specs/${id}.md`,
	feature: id,
	authors: [{ name: 'Ana Lima', slug: 'ana-lima' }],
	lastUpdated: '2026-11-01',
	status: 'Draft',
	tags: [],
	supersedes: [],
	phases: [],
	rolloutPlan: [],
	extraSections: [],
	...NO_HISTORY,
	...overrides,
});
