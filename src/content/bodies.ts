/**
 * The rendered HTML of Markdown specs, kept in files beside Astro's data store rather than in it.
 *
 * Astro bundles the whole data store into the site's server code as one module and loads it into
 * memory for rendering. The HTML of the spec bodies was 71% of that store (63 of 89 MB at 5,000
 * specs): bundling it took seconds and the build's memory peaked near 3 GB (`npm run bench`). Their
 * headings, which only the spec's own page reads (its table of contents), were then a third of
 * what was left, and `astro dev` serialises, writes and reloads the whole store after each edit.
 * The entries now keep their other metadata, plus the name of a file holding the headings and the
 * HTML; `withStoredBody()` puts both back just before `render()`, so Astro renders it as before
 * (image references included). MDX specs are compiled modules, not stored HTML, and stay as they are.
 *
 * Entries hold the file's name, not its path: a cache restored into another checkout (a CI cache,
 * a copied project) finds its bodies in its own folder rather than in the old one, or nowhere.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataStore } from 'astro/loaders';
import { withStoreSet } from '../integration/internals/data-store-set.ts';

/** The metadata key of a stored entry that holds the name of its body's file, in the bodies folder. */
export const BODY_FILE_KEY = 'specbookBodyFile';

type StoredEntry = NonNullable<ReturnType<DataStore['get']>>;

/**
 * Where a data store keeps its bodies: in Astro's cache folder (`node_modules/.astro`), which Vite
 * does not watch, one folder for `astro dev`'s store and one for builds' (Astro keeps those apart).
 */
export function bodiesDir(config: { cacheDir: URL }, dev: boolean): string {
	return fileURLToPath(new URL(dev ? 'specbook-bodies/dev/' : 'specbook-bodies/build/', config.cacheDir));
}

/** The file of an entry's body (headings and HTML), given where it is and which version of the source it renders. */
function bodyFileName(entry: { id: string; digest?: string | number | undefined }, base: string): string {
	// The HTML depends on the file's content (digest), its place (links are relative) and the
	// site's base (links are absolute): one file per combination, so no store reads another's.
	return `${createHash('sha256').update(JSON.stringify([base, entry.id, entry.digest ?? ''])).digest('hex').slice(0, 32)}.html`;
}

/** The name of the body file an entry points to, if its HTML was moved out. */
function bodyNameOf(entry: { rendered?: { metadata?: Record<string, unknown> } | undefined }): string | undefined {
	const name = entry.rendered?.metadata?.[BODY_FILE_KEY];
	// Caches written before names were stored hold absolute paths: their file name is the same.
	return typeof name === 'string' ? basename(name) : undefined;
}

/** The path of the body file an entry points to in the bodies folder `dir`, if its HTML was moved out. */
export function bodyFileOf(entry: { rendered?: { metadata?: Record<string, unknown> } | undefined }, dir: string): string | undefined {
	const name = bodyNameOf(entry);
	return name === undefined ? undefined : join(dir, name);
}

/** A body being written in the background (storeWithBodiesOutside() with `writes`). */
export interface BodyWrite {
	/** The entry's id and source file, to name it if the write fails. */
	id: string;
	source: string;
	/** The body file. */
	file: string;
	done: Promise<void>;
}

/**
 * `store` as `glob()` sees it: entries it sets with rendered HTML are stored with the HTML written
 * to `dir` instead. The file an entry pointed to before stays until pruneBodies(): in `astro dev`
 * pages read a copy of the store that Astro rewrites a moment after an edit.
 *
 * Given `writes`, a build's thousands of files are written in Node's thread pool while this thread
 * analyses and renders the next specs, each write pushed there: settleBodyWrites() must see them
 * all before a page reads its body. Without it (`astro dev`, one edit at a time) each is written at once.
 */
export function storeWithBodiesOutside(store: DataStore, dir: string, base: string, writes?: BodyWrite[]): DataStore {
	// Made on the first body written (a folder of MDX specs needs none), once rather than per entry.
	let dirMade = false;
	const set: DataStore['set'] = (entry) => {
		if (!entry.rendered?.html) return store.set(entry);
		if (!dirMade) {
			mkdirSync(dir, { recursive: true });
			dirMade = true;
		}
		const name = bodyFileName(entry, base);
		const file = join(dir, name);
		const { headings, ...metadata } = entry.rendered.metadata ?? {};
		const body = bodyFileText(headings ?? [], entry.rendered.html);
		if (writes) {
			const done = writeFile(file, body);
			// Handled in settleBodyWrites(); until then a failure must not count as unhandled.
			done.catch(() => {});
			writes.push({ id: entry.id, source: entry.filePath ?? entry.id, file, done });
		} else writeFileSync(file, body);
		return store.set({ ...entry, rendered: { html: '', metadata: { ...metadata, [BODY_FILE_KEY]: name } } });
	};
	return withStoreSet(store, set);
}

/**
 * Waits for the bodies written in the background. An entry whose body could not be written (a
 * full disk, a read-only cache folder) is dropped from the store with what was written of its
 * file, so that no later build reuses a truncated body, and one error names every such spec.
 */
export async function settleBodyWrites(store: DataStore, writes: readonly BodyWrite[]): Promise<void> {
	const results = await Promise.allSettled(writes.map((write) => write.done));
	const failed = writes.flatMap((write, at) => {
		const result = results[at];
		return result?.status === 'rejected' ? [{ ...write, reason: result.reason instanceof Error ? result.reason.message : String(result.reason) }] : [];
	});
	for (const { id, file } of failed) {
		store.delete(id);
		removeFile(file);
	}
	if (failed.length > 0) {
		const lines = failed.map(({ source, reason }) => `  ${source}: ${reason}`);
		throw new Error(`The rendered bodies of ${failed.length} ${failed.length === 1 ? 'spec' : 'specs'} could not be written to Astro's cache folder:\n${lines.join('\n')}`);
	}
}

/**
 * Drops the entries whose body file is not in `dir` (a cleared cache folder), so that `glob()`,
 * which skips unchanged files, renders them again. Returns their ids.
 */
export function forgetEntriesWithoutBody(store: DataStore, dir: string): string[] {
	const lost = [...store.entries()].filter(([, entry]) => {
		const file = bodyFileOf(entry, dir);
		return file !== undefined && !existsSync(file);
	});
	for (const [id] of lost) store.delete(id);
	return lost.map(([id]) => id);
}

/** Removes the body files in `dir` (the store's own folder) that no entry of `store` points to. */
export function pruneBodies(store: DataStore, dir: string): void {
	const current = new Set([...store.values()].flatMap((entry) => bodyNameOf(entry) ?? []));
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		if (name.endsWith('.html') && !current.has(name)) removeFile(join(dir, name));
	}
}

/**
 * The entry with its HTML back in place from the bodies folder `dir`, ready for Astro's `render()`.
 * Read in one blocking call: the file was just written and is in the page cache, and Node's
 * promise-based read (open, stat, read, close, each a round trip to its thread pool) cost the
 * render phase more main-thread time than it let other pages use.
 */
export async function withStoredBody<Entry extends { id: string; rendered?: StoredEntry['rendered'] }>(entry: Entry, dir: string): Promise<Entry> {
	const file = bodyFileOf(entry, dir);
	if (!file || !entry.rendered) return entry;
	const stale = (what: string) =>
		new Error(`The rendered body of spec "${entry.id}" is ${what} (${file}). Restart \`astro dev\` or build again: the content cache in node_modules/.astro no longer matches.`);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		throw stale('missing');
	}
	const body = parseBodyFile(text);
	if (!body) throw stale('not in the form this version writes');
	return { ...entry, rendered: { html: body.html, metadata: { ...entry.rendered.metadata, headings: body.headings } } };
}

/** A body file: the headings as JSON on the first line (JSON has no raw line break), then the HTML. */
function bodyFileText(headings: unknown, html: string): string {
	return `${JSON.stringify(headings)}\n${html}`;
}

/** The headings and HTML of a body file; undefined for a file in another form (an older cache's plain HTML). */
function parseBodyFile(text: string): { headings: unknown[]; html: string } | undefined {
	const end = text.indexOf('\n');
	if (!text.startsWith('[') || end < 0) return undefined;
	try {
		const headings: unknown = JSON.parse(text.slice(0, end));
		return Array.isArray(headings) ? { headings, html: text.slice(end + 1) } : undefined;
	} catch {
		return undefined;
	}
}

function removeFile(file: string): void {
	try {
		unlinkSync(file);
	} catch {
		// Already gone: nothing to clean.
	}
}
