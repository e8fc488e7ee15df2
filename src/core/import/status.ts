/**
 * The status mapping of `npm run import` (DESIGN §3): a source's free-text status → Draft, In Review
 * or Approved. Matching is case-insensitive, on the leading words, ignoring emphasis and a trailing
 * parenthetical, so `**Implemented (Swift 5.0)**` reads as Implemented.
 */
import type { Status } from '../statuses.ts';

/** The documented table: leading words → status; anything else is a Draft. */
export const STATUS_MAPPING: readonly { status: Status; words: readonly string[] }[] = [
	{ status: 'Approved', words: ['Approved', 'Accepted', 'Implemented', 'Implementable', 'Deployed', 'Final', 'Done', 'Production Ready'] },
	{ status: 'In Review', words: ['Proposed', 'In Review', 'Under Review', 'Ready for Review'] },
];

/** The status text as an author wrote it, without emphasis, code marks or surrounding space. */
export function plainStatus(text: string): string {
	return text.replace(/[*_`]/gu, '').replace(/\s+/gu, ' ').trim();
}

/** The Specbook status for a source's status text. */
export function mapStatus(text: string): Status {
	const words = plainStatus(text)
		.replace(/\s*\([^()]*\)\s*$/u, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
	for (const { status, words: leading } of STATUS_MAPPING) {
		if (leading.some((lead) => words === lead.toLowerCase() || words.startsWith(`${lead.toLowerCase()} `))) return status;
	}
	return 'Draft';
}
