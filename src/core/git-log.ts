/**
 * The life of every spec file, read from one `git log` of the specs folder (see gitLogArgs):
 * when each file was added, every commit that touched it, who wrote those commits and the Status
 * at each of them. Renames are followed here, across the one pass, so a moved spec keeps its
 * history. The Status is read from the diff hunks (the `- **Status**: …` line), never from whole
 * files. Pure: the caller runs git.
 */
import { parseStatus } from './values.ts';
import type { Status } from './statuses.ts';

/**
 * `git log` arguments this parser reads: oldest first, one NUL-separated header per commit
 * (sha, committer date, author name) and the raw list of changed files with rename detection.
 * With `statuses`, also the patches without context lines (only changed lines are needed to see
 * the Status change); without, no status history is read, which is much cheaper.
 */
export function gitLogArgs({ statuses }: { statuses: boolean }): string[] {
	return [
		'-c',
		'core.quotepath=off',
		'log',
		'--reverse',
		'-z',
		'--format=%x01%H%x00%cs%x00%aN%x00',
		'--raw',
		...(statuses ? ['-p', '--unified=0'] : []),
		'-M',
		'--no-color',
		'--no-ext-diff',
		'--no-textconv',
		'--no-show-signature',
	];
}

/** One change of a spec's Status. */
export interface StatusChange {
	/** Date of the commit (YYYY-MM-DD). */
	date: string;
	/** The Status from that commit on, canonical spelling. */
	status: Status;
	/** Full sha of the commit. */
	commit: string;
}

/** What git tells about one file that exists at the newest commit. */
export interface FileHistory {
	/** Date of the commit that added the file (renames followed). */
	created: string;
	/** The Status it was added with, then one entry per real change, oldest first. */
	history: StatusChange[];
	/** Commits that added, changed or moved the file. */
	revisions: number;
	/** Author names, distinct, most commits first (ties: who came first). */
	contributors: string[];
	/** The newest commit that changed the file's content (not only its name), for the stale check. */
	lastModified: { date: string; commit: string } | undefined;
}

interface Commit {
	sha: string;
	date: string;
	author: string;
}

interface Tracked {
	created: string;
	history: StatusChange[];
	revisions: number;
	/** Author → commits, in order of first commit. */
	authors: Map<string, number>;
	lastModified: { date: string; commit: string } | undefined;
}

/** One file of a commit's raw list: its status letter and path(s). */
interface RawEntry {
	kind: string;
	/** A rename with its content unchanged (`R100`). */
	moveOnly: boolean;
	from: string;
	to: string;
}

/**
 * Every file that exists after the last commit of `log` (the output of `git log` with
 * gitLogArgs()), keyed by its path in the repository.
 */
export function parseGitLog(log: string): Map<string, FileHistory> {
	const files = new Map<string, Tracked>();
	// A header follows a patch's last line, or, without patches, the NUL after the last path.
	for (const chunk of log.split(/(?:^|\n|\0)\x01/u)) {
		if (!chunk) continue;
		const parsed = parseCommit(chunk);
		if (parsed) applyCommit(files, parsed.commit, parsed.entries, parsed.patches);
	}
	return new Map(
		[...files].map(([path, tracked]) => [
			path,
			{
				created: tracked.created,
				history: tracked.history,
				revisions: tracked.revisions,
				contributors: [...tracked.authors].map(([name, count], order) => ({ name, count, order })).sort((a, b) => b.count - a.count || a.order - b.order).map(({ name }) => name),
				lastModified: tracked.lastModified,
			},
		]),
	);
}

function parseCommit(chunk: string): { commit: Commit; entries: RawEntry[]; patches: string[] } | undefined {
	const fields = chunk.split('\0');
	const [sha, date, author] = fields;
	if (!sha || !date || author === undefined) return undefined;
	// After the header: the raw entries (`:modes shas X`, then one or two paths), an empty field, the patches.
	const entries: RawEntry[] = [];
	let index = 3;
	while (index < fields.length && /^\n?$/u.test(fields[index]!)) index++;
	for (; index < fields.length; index++) {
		const field = fields[index]!.replace(/^\n/u, '');
		if (!field.startsWith(':')) break;
		const change = field.slice(field.lastIndexOf(' ') + 1);
		const kind = change.charAt(0);
		const from = fields[++index] ?? '';
		const to = kind === 'R' || kind === 'C' ? (fields[++index] ?? '') : from;
		entries.push({ kind, moveOnly: change === 'R100', from, to });
	}
	if (fields[index] === '') index++;
	const patchText = fields.slice(index).join('\0');
	const patches = patchText.split(/^(?=diff --git )/mu).filter((patch) => patch.startsWith('diff --git '));
	return { commit: { sha, date, author }, entries, patches };
}

function applyCommit(files: Map<string, Tracked>, commit: Commit, entries: RawEntry[], patches: string[]): void {
	// Git writes one patch per raw entry, in the same order; if they ever disagree, keep the
	// commit but read no Status from it rather than pair a patch with the wrong file.
	const aligned = patches.length === entries.length;
	// Renames first take their files out, so a swap (a → b, b → a) in one commit stays right.
	const moving = new Map<RawEntry, Tracked | undefined>();
	for (const entry of entries) {
		if (entry.kind === 'R') {
			moving.set(entry, files.get(entry.from));
			files.delete(entry.from);
		}
	}
	entries.forEach((entry, index) => {
		const patch = aligned ? patches[index]! : '';
		if (entry.kind === 'D') {
			files.delete(entry.from);
			return;
		}
		let tracked = entry.kind === 'R' ? moving.get(entry) : entry.kind === 'A' || entry.kind === 'C' ? undefined : files.get(entry.to);
		if (!tracked) {
			tracked = { created: commit.date, history: [], revisions: 0, authors: new Map(), lastModified: undefined };
		} else if (!entry.moveOnly) {
			tracked.lastModified = { date: commit.date, commit: commit.sha };
		}
		files.set(entry.to, tracked);
		tracked.revisions++;
		tracked.authors.set(commit.author, (tracked.authors.get(commit.author) ?? 0) + 1);
		const status = addedStatus(patch);
		const last = tracked.history.at(-1);
		if (status && status !== last?.status) tracked.history.push({ date: commit.date, status, commit: commit.sha });
	});
}

/** An Overview › Status list item: `- **Status**: In Review`, `* __Status:__ Draft`, … */
const STATUS_LINE = /^\s{0,3}[-*+]\s+(?:\*\*|__)\s*status\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)(.*)$/iu;

/** The Status an added line of the patch sets, when one does (the first that names a known status). */
function addedStatus(patch: string): Status | undefined {
	const hunks = patch.indexOf('\n@@ ');
	if (hunks < 0) return undefined;
	for (const line of patch.slice(hunks + 1).split('\n')) {
		if (!line.startsWith('+')) continue;
		const match = STATUS_LINE.exec(line.slice(1).replace(/\r$/u, ''));
		const status = match ? parseStatus(match[1]!.replace(/[*_`]/gu, ' ')) : undefined;
		if (status) return status;
	}
	return undefined;
}
