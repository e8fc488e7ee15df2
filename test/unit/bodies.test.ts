/**
 * Rendered spec bodies kept in files beside the data store (src/content/bodies.ts): what `glob()`
 * stores through the wrapped store, what a page renders back, and how a cleared cache heals.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DataStore } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_FILE_KEY, bodyFileOf, forgetEntriesWithoutBody, pruneBodies, settleBodyWrites, storeWithBodiesOutside, withStoredBody, type BodyWrite } from '../../src/content/bodies.ts';

type Entry = ReturnType<DataStore['get']> & {};

/** The part of Astro's scoped data store that loaders use, over a Map. */
function memoryStore(): DataStore & { raw: Map<string, Entry> } {
	const raw = new Map<string, Entry>();
	return {
		raw,
		get: (id) => raw.get(id) as never,
		set: (entry) => (raw.set(entry.id, entry as Entry), true),
		entries: () => [...raw.entries()],
		values: () => [...raw.values()],
		keys: () => [...raw.keys()],
		delete: (id) => void raw.delete(id),
		clear: () => raw.clear(),
		has: (id) => raw.has(id),
		addModuleImport: () => {},
	};
}

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'specbook-bodies-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const html = '<h2 id="overview">Overview</h2><p>Retries with <strong>backoff</strong>.</p>';
const entry = (id: string, digest: string, body = html): Entry => ({
	id,
	data: { feature: id },
	digest,
	filePath: `specs/${id}.md`,
	rendered: { html: body, metadata: { headings: [{ depth: 2, slug: 'overview', text: 'Overview' }], imagePaths: [] } },
});

describe('rendered bodies outside the data store', () => {
	it('stores the entry without its HTML, and render gets the very same HTML back', async () => {
		const store = memoryStore();
		const dir = tempDir();
		storeWithBodiesOutside(store, dir, '/').set(entry('retry', 'd1'));

		const stored = store.get('retry')!;
		expect(stored.rendered?.html).toBe('');
		expect(JSON.stringify(stored)).not.toContain('backoff');
		// The headings go with the HTML: only the spec's page reads them, and `astro dev` rewrites the store on every edit.
		expect(stored.rendered?.metadata?.headings).toBeUndefined();
		expect(stored.rendered?.metadata?.imagePaths).toEqual([]);
		expect(readFileSync(bodyFileOf(stored, dir)!, 'utf8')).toContain(html);

		const restored = await withStoredBody(stored, dir);
		expect(restored.rendered?.html).toBe(html);
		expect(restored.rendered?.metadata).toEqual({ ...stored.rendered?.metadata, headings: [{ depth: 2, slug: 'overview', text: 'Overview' }] });
	});

	it('a build writes bodies in the background: each is readable once settled, and a spec whose body failed is named and dropped', async () => {
		const store = memoryStore();
		const dir = tempDir();
		const writes: BodyWrite[] = [];
		const wrapped = storeWithBodiesOutside(store, dir, '/', writes);
		for (const id of ['a', 'b', 'c']) wrapped.set(entry(id, id, `<p>Body ${id}</p>`));
		expect(writes).toHaveLength(3);
		await settleBodyWrites(store, writes);
		for (const id of ['a', 'b', 'c']) expect((await withStoredBody(store.get(id)!, dir)).rendered?.html).toBe(`<p>Body ${id}</p>`);

		// A folder where b's file should go: its write fails, and only b is dropped.
		const again = memoryStore();
		const blocked: BodyWrite[] = [];
		const name = bodyFileOf(store.get('b')!, dir)!;
		rmSync(name);
		mkdirSync(name);
		const rewrapped = storeWithBodiesOutside(again, dir, '/', blocked);
		for (const id of ['a', 'b', 'c']) rewrapped.set(entry(id, id, `<p>Body ${id}</p>`));
		await expect(settleBodyWrites(again, blocked)).rejects.toThrow(/bodies of 1 spec could not be written[^]*specs\/b\.md: EISDIR/u);
		expect(again.keys().sort()).toEqual(['a', 'c']);
	});

	it('leaves entries without rendered HTML (MDX, deferred) untouched, and other store methods working', async () => {
		const store = memoryStore();
		const dir = tempDir();
		const wrapped = storeWithBodiesOutside(store, dir, '/');
		const mdx = { id: 'ui', data: {}, digest: 'd', filePath: 'specs/ui.mdx', deferredRender: true };
		wrapped.set(mdx);
		expect(store.get('ui')).toEqual(mdx);
		expect(wrapped.keys()).toEqual(['ui']);
		expect(wrapped.has('ui')).toBe(true);
		expect(await withStoredBody(store.get('ui')!, dir)).toEqual(mdx);
	});

	it('an edit writes a new body file; the old one stays until the store is pruned (dev pages may still read it)', () => {
		const store = memoryStore();
		const dir = tempDir();
		const wrapped = storeWithBodiesOutside(store, dir, '/');
		wrapped.set(entry('retry', 'd1'));
		const first = bodyFileOf(store.get('retry')!, dir)!;
		wrapped.set(entry('retry', 'd2', '<p>Rewritten</p>'));
		const second = bodyFileOf(store.get('retry')!, dir)!;
		expect(second).not.toBe(first);
		expect(readFileSync(first, 'utf8')).toContain(html);
		expect(readFileSync(second, 'utf8')).toContain('<p>Rewritten</p>');
		expect(readFileSync(second, 'utf8')).not.toContain(html);
		pruneBodies(store, dir);
		expect(existsSync(first)).toBe(false);
		expect(existsSync(second)).toBe(true);
	});

	it('two files with the same content, or one site under two bases, get their own body files', () => {
		const store = memoryStore();
		const dir = tempDir();
		storeWithBodiesOutside(store, dir, '/').set(entry('a', 'same'));
		storeWithBodiesOutside(store, dir, '/').set(entry('b', 'same'));
		const other = memoryStore();
		storeWithBodiesOutside(other, dir, '/docs/').set(entry('a', 'same'));
		const files = [bodyFileOf(store.get('a')!, dir), bodyFileOf(store.get('b')!, dir), bodyFileOf(other.get('a')!, dir)];
		expect(new Set(files).size).toBe(3);
	});

	it('forgets entries whose body file is gone, so glob() renders them again', () => {
		const store = memoryStore();
		const dir = tempDir();
		const wrapped = storeWithBodiesOutside(store, dir, '/');
		wrapped.set(entry('kept', 'd1'));
		wrapped.set(entry('lost', 'd2'));
		rmSync(bodyFileOf(store.get('lost')!, dir)!);

		expect(forgetEntriesWithoutBody(store, dir)).toEqual(['lost']);
		expect(store.keys()).toEqual(['kept']);
	});

	it('prunes the files of deleted specs, even ones written before the store was cleared', () => {
		const store = memoryStore();
		const dir = tempDir();
		const wrapped = storeWithBodiesOutside(store, dir, '/');
		wrapped.set(entry('kept', 'd1'));
		wrapped.set(entry('deleted', 'd2'));
		const deleted = bodyFileOf(store.get('deleted')!, dir)!;
		store.delete('deleted');
		pruneBodies(store, dir);
		expect(readdirSync(dir)).toEqual([basename(bodyFileOf(store.get('kept')!, dir)!)]);
		expect(existsSync(deleted)).toBe(false);
		// A folder that does not exist yet (no Markdown spec) is nothing to prune.
		expect(() => pruneBodies(store, join(dir, 'missing'))).not.toThrow();
	});

	it('a body file missing at render time is a clear error naming the spec, not an empty page', async () => {
		const store = memoryStore();
		const dir = tempDir();
		storeWithBodiesOutside(store, dir, '/').set(entry('retry', 'd1'));
		rmSync(bodyFileOf(store.get('retry')!, dir)!);
		await expect(withStoredBody(store.get('retry')!, dir)).rejects.toThrow(/rendered body of spec "retry" is missing/);
	});

	it("a body file an older version wrote (HTML only) is the same clear error, not a JSON parser's", async () => {
		const store = memoryStore();
		const dir = tempDir();
		storeWithBodiesOutside(store, dir, '/').set(entry('retry', 'd1'));
		writeFileSync(bodyFileOf(store.get('retry')!, dir)!, html);
		await expect(withStoredBody(store.get('retry')!, dir)).rejects.toThrow(/rendered body of spec "retry" is not in the form this version writes .*Restart `astro dev` or build again/);
	});

	it('an entry rendered without headings gets none back', async () => {
		const store = memoryStore();
		const dir = tempDir();
		const bare = entry('retry', 'd1');
		storeWithBodiesOutside(store, dir, '/').set({ ...bare, rendered: { html, metadata: { imagePaths: [] } } });
		const restored = await withStoredBody(store.get('retry')!, dir);
		expect(restored.rendered?.html).toBe(html);
		expect(restored.rendered?.metadata?.headings).toEqual([]);
	});

	it('a cache moved to another checkout reads its own bodies, not the old checkout\'s', async () => {
		const store = memoryStore();
		const before = tempDir();
		storeWithBodiesOutside(store, before, '/').set(entry('retry', 'd1'));
		// The store as Astro saves it, and the bodies folder, copied elsewhere; the old copy changes.
		const moved = memoryStore();
		for (const [id, stored] of store.entries()) moved.set(structuredClone({ ...stored, id }));
		const after = tempDir();
		cpSync(before, after, { recursive: true });
		writeFileSync(bodyFileOf(store.get('retry')!, before)!, '<p>Another checkout</p>');

		expect(forgetEntriesWithoutBody(moved, after)).toEqual([]);
		expect((await withStoredBody(moved.get('retry')!, after)).rendered?.html).toBe(html);
		expect(bodyFileOf(moved.get('retry')!, after)!.startsWith(after)).toBe(true);
	});

	it('reads caches written before entries held names (an absolute path) from its own folder', async () => {
		const store = memoryStore();
		const dir = tempDir();
		storeWithBodiesOutside(store, dir, '/').set(entry('retry', 'd1'));
		const stored = store.get('retry')!;
		const name = stored.rendered!.metadata![BODY_FILE_KEY] as string;
		const old = { ...stored, rendered: { ...stored.rendered!, metadata: { ...stored.rendered!.metadata, [BODY_FILE_KEY]: `/elsewhere/node_modules/.astro/specbook-bodies/build/${name}` } } };
		expect((await withStoredBody(old, dir)).rendered?.html).toBe(html);
		store.set(old);
		pruneBodies(store, dir);
		expect(readdirSync(dir)).toEqual([name]);
	});
});
