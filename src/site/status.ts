/**
 * Status helpers for the pages: URL slugs, labels and counts. The statuses themselves (names and
 * order) are defined once, in the spec model.
 */
import { STATUSES, type Status } from '../core/statuses.ts';
import type { Spec } from '../core/model.ts';

/** `In Review` → `in-review`: the status's segment in `/status/<slug>/`. */
export function statusSlug(status: Status): string {
	return status.toLowerCase().replace(/\s+/g, '-');
}

/** The status whose slug this is, or undefined. */
export function statusFromSlug(slug: string): Status | undefined {
	return STATUSES.find((status) => statusSlug(status) === slug);
}

/** How many specs have each status, every status present (zero included), in workflow order. */
export function countByStatus(specs: readonly Pick<Spec, 'status'>[]): Record<Status, number> {
	const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
	for (const spec of specs) counts[spec.status]++;
	return counts;
}

/** One sentence describing what a status means, for the status index pages. */
export const STATUS_DESCRIPTIONS: Record<Status, string> = {
	Draft: 'Specs still being written. Only the Overview has to be complete.',
	'In Review': 'Specs complete enough to review: every section filled, phases and a rollout plan.',
	Approved: 'Specs agreed on, with every phase estimated.',
};
