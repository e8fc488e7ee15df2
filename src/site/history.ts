/**
 * What the pages show of a spec's life in git (the model's history fields, src/core/git-log.ts):
 * the one-line summary under a spec's header, the status changes across specs for /changes/ and
 * its feed, links to commits, and the review queue order of the status indexes.
 */
import { compareIso, daysBetween } from '../core/dates.ts';
import type { Spec, Status } from '../core/model.ts';
import { idOrder, nameOrder } from './collation.ts';

/** `1 day`, `23 days`. */
export const daysText = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`;

/** How long a spec has had its status, after its date on a card: `(23 days)`. */
export const sinceDaysText = (statusSince: string, today: string) => `(${daysText(daysBetween(statusSince, today))})`;

/**
 * The parts of a spec's history line, e.g. `Created 2026-01-05`, `In Review since 2026-02-10
 * (23 days)`, `7 revisions`; empty when git knows nothing of the spec.
 */
export function historySummary(spec: Pick<Spec, 'status' | 'created' | 'statusSince' | 'revisions'>, today: string): string[] {
	if (spec.revisions === 0) return [];
	const parts: string[] = [];
	if (spec.created) parts.push(`Created ${spec.created}`);
	if (spec.statusSince) {
		parts.push(`${spec.status} since ${spec.statusSince} (${daysText(daysBetween(spec.statusSince, today))})`);
	}
	parts.push(`${spec.revisions} ${spec.revisions === 1 ? 'revision' : 'revisions'}`);
	return parts;
}

/** A commit's page on the repository host (`<repoUrl>/commit/<sha>`), when `repoUrl` is set. */
export function commitUrl(repoUrl: string | undefined, sha: string): string | undefined {
	return repoUrl ? `${repoUrl.replace(/\/+$/u, '')}/commit/${sha}` : undefined;
}

/** One status change of one spec. */
export interface StatusChangeItem {
	date: string;
	id: string;
	feature: string;
	/** The status before, or null when the spec was added with `to`. */
	from: Status | null;
	to: Status;
	commit: string;
}

/** How a change reads: `In Review → Approved`, or `added as Draft`. */
export const changeText = (change: Pick<StatusChangeItem, 'from' | 'to'>) => (change.from ? `${change.from} → ${change.to}` : `added as ${change.to}`);

/** Every status change across specs (a spec's first status counts as one), newest first; at most `limit`. */
export function statusChanges(specs: readonly Spec[], limit = Infinity): StatusChangeItem[] {
	return specs
		.flatMap((spec) =>
			spec.history.map((entry, index) => ({ date: entry.date, id: spec.id, feature: spec.feature, from: index > 0 ? spec.history[index - 1]!.status : null, to: entry.status, commit: entry.commit, order: index })),
		)
		.sort((a, b) => compareIso(b.date, a.date) || b.order - a.order || nameOrder.compare(a.feature, b.feature) || idOrder.compare(a.id, b.id))
		.slice(0, limit)
		.map(({ order: _order, ...change }) => change);
}

/**
 * The review queue order: longest in the current status first (the In Review index then shows who
 * has waited longest); specs with no dated status last, by Last Updated, oldest first.
 */
export function byTimeInStatus<T extends Pick<Spec, 'id' | 'statusSince' | 'lastUpdated'>>(specs: readonly T[]): T[] {
	return [...specs].sort((a, b) => {
		if (a.statusSince && b.statusSince) return compareIso(a.statusSince, b.statusSince) || idOrder.compare(a.id, b.id);
		if (a.statusSince || b.statusSince) return a.statusSince ? -1 : 1;
		return compareIso(a.lastUpdated, b.lastUpdated) || idOrder.compare(a.id, b.id);
	});
}
