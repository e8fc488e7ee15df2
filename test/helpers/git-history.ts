/** Git histories made by hand, for analyses that need git to say when each file last changed. */
import type { GitHistory } from '../../src/core/git.ts';

/** A history where each file was added on 2026-01-05 and last changed on the date given, by one commit. */
export function lastChangedHistory(entries: Iterable<readonly [path: string, date: string]>): GitHistory {
	const files = new Map(
		[...entries].map(([path, date]) => [
			path,
			{ created: '2026-01-05', history: [], revisions: 2, contributors: ['Ana Lima'], lastModified: { date, commit: 'c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffe' } },
		]),
	);
	return { kind: 'history', files };
}
