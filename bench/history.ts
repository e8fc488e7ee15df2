/**
 * A git repository of generated specs with a life, for the benchmark of the history step
 * (issue 17): each spec is added as a Draft, edited, sometimes moved between folders, and taken
 * through its status changes (some sent back) over the two years before `today`, a fixed number
 * of commits each, with fixed author and committer dates. Planning is pure and deterministic for
 * a seed; `writeHistoryRepo` writes every commit through one `git fast-import` (20,000
 * `git commit` processes would take many minutes).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { addDays, daysBetween } from '../src/core/dates.ts';
import { parseStatus } from '../src/core/values.ts';
import { authorEmail, git, gitEnv } from '../test/helpers/git-repo.ts';
import { mulberry32, sampleFrom, type GeneratedSpec } from './generate.ts';
import { AUTHORS } from './words.ts';

/** How far back the first commits go. */
const HISTORY_DAYS = 730;
/** Where a spec that moves lived before (`proposals/<final path>`), until it went to its team's folder. */
const PROPOSALS = 'proposals';

/** One commit of one spec. */
export interface LifeCommit {
	/** Author and committer date (ISO). */
	date: string;
	author: string;
	/** Path of the file (under the specs folder) after this commit. */
	path: string;
	/** For a pure move (`git mv`, content unchanged): where the file was; undefined otherwise. */
	movedFrom?: string;
	/** The Status line's value as written in this commit's version, e.g. `in review`. */
	status: string;
	/** Which of the spec's content versions the file holds after this commit (0 = as added). */
	version: number;
}

/** A spec's whole history, and the claims the benchmark and its test rely on. */
export interface SpecLife {
	/** The spec as it stands at the last commit (path and source from generateSpecs). */
	spec: GeneratedSpec;
	/** Its commits, oldest first; the last one writes `spec.source` at `spec.path`. */
	commits: LifeCommit[];
	/** Real status changes (spelling-only ones excluded), oldest first; the first is the status it was added with. */
	history: { date: string; status: string }[];
	/** Lines of `spec.source` that each commit after the first puts back in their final wording, in order. */
	edits: number[];
}

export interface HistoryOptions {
	/** Commits per spec, at least 4 (added, in review, approved, and one more edit or move). */
	commitsPerSpec: number;
	/** ISO date: every commit is on or before each spec's Last Updated, hence before it. */
	today: string;
	seed?: number;
}

/** The life of each spec, deterministic for `options.seed`. */
export function planHistory(specs: readonly GeneratedSpec[], options: HistoryOptions): SpecLife[] {
	const { commitsPerSpec: count, today } = options;
	if (!Number.isInteger(count) || count < 4) throw new RangeError(`commitsPerSpec must be a whole number ≥ 4, not ${count}`);
	const rng = mulberry32((options.seed ?? 1) ^ 0x5eed);
	const int = (low: number, high: number) => low + Math.floor(rng() * (high - low + 1));
	const first = addDays(today, -HISTORY_DAYS);
	return specs.map((spec, index) => {
		// Fixed shares by index rather than by chance, so that any 5 specs show a move.
		const moved = index % 5 === 1 || index % 5 === 3;
		const versions = count - (moved ? 1 : 0);
		const statuses = statusPlan(spec.status, versions, index, int);
		const created = addDays(first, int(0, Math.max(0, daysBetween(first, spec.lastUpdated) - 30)));
		const span = daysBetween(created, spec.lastUpdated);
		const dates = [created, ...Array.from({ length: count - 2 }, () => addDays(created, int(0, span))).sort(), spec.lastUpdated];
		const people = sampleFrom(rng, AUTHORS, int(1, 3));
		const moveAfter = moved ? int(1, versions - 1) : -1;
		const commits: LifeCommit[] = [];
		for (let version = 0; version < versions; version++) {
			if (version === moveAfter) {
				commits.push({ date: dates[commits.length]!, author: people[0]!, path: spec.path, movedFrom: `${PROPOSALS}/${spec.path}`, status: statuses[version - 1]!, version: version - 1 });
			}
			const path = moved && version < moveAfter ? `${PROPOSALS}/${spec.path}` : spec.path;
			commits.push({ date: dates[commits.length]!, author: people[int(0, people.length - 1)]!, path, status: statuses[version]!, version });
		}
		const history: SpecLife['history'] = [];
		for (const commit of commits) {
			if (history.at(-1)?.status !== parseStatus(commit.status)) history.push({ date: commit.date, status: parseStatus(commit.status)! });
		}
		return { spec, commits, history, edits: sampleFrom(rng, editableLines(spec.source), versions - 1) };
	});
}

/**
 * The Status written in each content version, ending with `final`: Drafts (a third sent back
 * from review), specs in review (a quarter approved then reopened) and approved ones go through
 * Draft first; a seventh write `in review` first and fix the spelling in the next version.
 */
function statusPlan(final: string, versions: number, index: number, int: (low: number, high: number) => number): string[] {
	const plan: string[] = Array(versions).fill('Draft');
	const from = (start: number, status: string) => plan.fill(status, start);
	const last = versions - 1;
	if (final === 'Draft') {
		if (index % 3 === 0 && versions >= 3) {
			const review = int(1, last - 1);
			from(review, 'In Review');
			from(int(review + 1, last), 'Draft');
		}
	} else if (final === 'In Review') {
		const review = int(1, Math.max(1, last - 2));
		from(review, 'In Review');
		if (index % 4 === 0 && versions >= 4) {
			const approved = int(review + 1, last - 1);
			from(approved, 'Approved');
			from(int(approved + 1, last), 'In Review');
		}
	} else {
		const review = int(1, last - 1);
		from(review, 'In Review');
		from(int(review + 1, last), 'Approved');
	}
	const review = plan.indexOf('In Review');
	if (index % 7 === 2 && review > 0 && review < last && plan[review + 1] === 'In Review') plan[review] = 'in review';
	return plan;
}

/** Lines an edit may change: prose and fields, not headings, frontmatter, Status or Last Updated. */
function editableLines(source: string): number[] {
	const lines = source.split('\n');
	const frontmatterEnd = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
	return lines.flatMap((line, index) => (index > frontmatterEnd && line.trim() && !line.startsWith('#') && !/\*\*(?:Status|Last Updated)\b/u.test(line) ? [index] : []));
}

/**
 * The file after `commit`: `spec.source` with the Status and Last Updated of that version, and
 * the lines later commits will edit still in their earlier wording. The last version is the
 * source itself.
 */
export function versionSource(life: SpecLife, commit: LifeCommit): string {
	const lines = life.spec.source.split('\n');
	for (let edit = commit.version; edit < life.edits.length; edit++) lines[life.edits[edit]!] += ' (to be revised)';
	return lines
		.map((line) => line.replace(/^(\s*[-*] \*\*Status(?:\*\*:|:\*\*) ).*$/u, `$1${commit.status}`).replace(/^(\s*[-*] \*\*Last Updated(?:\*\*:|:\*\*) ).*$/u, `$1${commit.date}`))
		.join('\n');
}

/** Every commit of every spec in the order they are made: by date, then spec, then their own order. */
export function commitOrder(lives: readonly SpecLife[]): { life: SpecLife; commit: LifeCommit }[] {
	return lives
		.flatMap((life, spec) => life.commits.map((commit, order) => ({ life, commit, spec, order })))
		.sort((a, b) => (a.commit.date < b.commit.date ? -1 : a.commit.date > b.commit.date ? 1 : a.spec - b.spec || a.order - b.order))
		.map(({ life, commit }) => ({ life, commit }));
}

/**
 * Makes `repo` a git repository whose `specsFolder` (a path inside it) holds `lives`, every
 * commit written by one `git fast-import`, then checked out. Returns the number of commits.
 */
export async function writeHistoryRepo(repo: string, specsFolder: string, lives: readonly SpecLife[]): Promise<number> {
	git(repo, ['init', '-q']);
	// glibc's malloc returns memory after each blob by default: one brk() per blob, which took
	// fast-import from 7 s to 70 s for 20,000 blobs in a VM here.
	const env = { ...gitEnv(repo), GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=268435456:glibc.malloc.top_pad=67108864' };
	const importer = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: repo, env, stdio: ['pipe', 'ignore', 'pipe'] });
	let errors = '';
	importer.stderr.on('data', (chunk: Buffer) => {
		errors += chunk.toString();
	});
	const closed = once(importer, 'close');
	const write = async (chunk: string) => {
		if (!importer.stdin.write(chunk)) await once(importer.stdin, 'drain');
	};
	// Each spec's versions one after the other, before any commit: fast-import stores a blob as a
	// delta of the blob written just before it, so the pack is as compact as a repacked repository's.
	const marks = new Map<LifeCommit, number>();
	for (const life of lives) {
		for (const commit of life.commits) {
			if (commit.movedFrom) continue;
			marks.set(commit, marks.size + 1);
			const text = versionSource(life, commit);
			await write(`blob\nmark :${marks.size}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
		}
	}
	let day = '';
	let second = 0;
	let commits = 0;
	for (const { life, commit } of commitOrder(lives)) {
		// Commits of one day a few seconds apart, from 09:00 UTC, so their times keep their order.
		second = commit.date === day ? second + 7 : 0;
		day = commit.date;
		const stamp = `${Date.parse(`${commit.date}T09:00:00Z`) / 1000 + second} +0000`;
		const who = `${commit.author} <${authorEmail(commit.author)}> ${stamp}`;
		const path = `${specsFolder}/${commit.path}`;
		const message = `${life.spec.feature}: ${commit.movedFrom ? `move to ${commit.path}` : commit.version === 0 ? 'add' : `revise (${commit.status})`}\n`;
		const change = commit.movedFrom ? `R ${specsFolder}/${commit.movedFrom} ${path}` : `M 100644 :${marks.get(commit)} ${path}`;
		await write(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(message)}\n${message}${change}\n\n`);
		commits++;
	}
	importer.stdin.end('done\n');
	const [code] = await closed;
	if (code !== 0) throw new Error(`git fast-import failed (exit ${code}): ${errors.trim()}`);
	git(repo, ['reset', '-q', '--hard', 'main']);
	return commits;
}

