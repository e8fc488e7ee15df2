/**
 * A spec's history fields (the model's SpecHistory) from what git knows of its file.
 */
import type { GitHistory } from './git.ts';
import type { SpecHistory, Status } from './model.ts';

/** What a spec shows when git knows nothing of it. */
export const NO_HISTORY: SpecHistory = Object.freeze({ created: null, statusSince: null, revisions: 0, contributors: [], history: [] });

/** The history of the spec at `path` whose Status is now `status`. */
export function specHistory(path: string, status: Status, git: GitHistory | undefined): SpecHistory {
	const file = git?.kind === 'history' ? git.files.get(path) : undefined;
	if (!file) return { ...NO_HISTORY, contributors: [], history: [] };
	const last = file.history.at(-1);
	return {
		created: file.created,
		// The Status in the working tree may be a change not committed yet: then git cannot date it.
		statusSince: last?.status === status ? last.date : null,
		revisions: file.revisions,
		contributors: file.contributors,
		history: file.history,
	};
}
