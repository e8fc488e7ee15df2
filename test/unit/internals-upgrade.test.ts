/**
 * What each patch in src/integration/internals/ relies on in Astro, Starlight and the packages they
 * bring, checked against the installed copies: an upgrade that changes one of them fails here,
 * naming the patch to re-verify, instead of silently slowing or breaking the site. One describe
 * block per patch file. When a version check fails, re-verify that patch against the new version
 * (the other tests in its block say what it needs), then widen its range in WRITTEN_FOR.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSatteriProcessor as astroIsSatteriProcessor, satteri } from '@astrojs/markdown-satteri';
import { glob, type DataStore, type LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { afterEach, describe, expect, it } from 'vitest';
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import { runPlugins } from '../../node_modules/@astrojs/starlight/dist/utils/plugins.js';
import starlight from '@astrojs/starlight';
import specbook from '../../src/integration/index.ts';
import { CONFIG_HOOK, CONFIG_INTEGRATION_NAME, specbookContextFrom } from '../../src/integration/internals/config-hook.ts';
import { withStoreSet } from '../../src/integration/internals/data-store-set.ts';
import { withoutDigest } from '../../src/integration/internals/glob-digest.ts';
import { tolerantEntryTypes, type EntryType, type GlobLoaderContext } from '../../src/integration/internals/glob-entry-types.ts';
import { addMdastPlugins, isSatteriProcessor } from '../../src/integration/internals/satteri-mdast-plugins.ts';
import { componentSources, inlineScriptHashes, scriptHash } from '../../src/integration/internals/starlight-inline-scripts.ts';
import { EAGER_FILTER_LOAD, withoutEagerFilters } from '../../src/integration/internals/pagefind-ui-filters.ts';
import { CSP_DIGEST_DEFINITION, cspDigestCachePlugin, withCachedCspDigests } from '../../src/integration/internals/csp-digest-cache.ts';
import { exportedNames, modulePatchPlugin } from '../../src/integration/internals/module-patch.ts';
import { runSchema } from '../../src/core/run-schema.ts';
import { replaceStarlightIndexing } from '../../src/integration/internals/search-index.ts';

const NODE_MODULES = new URL('../../node_modules/', import.meta.url);

/** A file of an installed package, as text. */
const source = (path: string): string => readFileSync(new URL(path, NODE_MODULES), 'utf8');

/** The installed versions the patches were written and checked against: [lowest, first excluded]. */
const WRITTEN_FOR = {
	astro: ['7.3.5', '7.4.0'],
	'@astrojs/starlight': ['0.42.4', '0.43.0'],
	'@astrojs/markdown-satteri': ['0.4.2', '0.5.0'],
	'@astrojs/mdx': ['8.0.2', '8.1.0'],
	pagefind: ['1.6.0', '1.7.0'],
	'@pagefind/default-ui': ['1.5.2', '1.6.0'],
	zod: ['4.6.0', '4.7.0'],
} as const;

type Package = keyof typeof WRITTEN_FOR;

const versionParts = (version: string): number[] => (version.split('-')[0] ?? '').split('.').map(Number);
const compareVersions = (a: string, b: string): number => {
	const [x, y] = [versionParts(a), versionParts(b)];
	for (let index = 0; index < 3; index++) if ((x[index] ?? 0) !== (y[index] ?? 0)) return (x[index] ?? 0) - (y[index] ?? 0);
	return 0;
};

/** The path of a patch file, as messages name it. */
const internal = (file: string): string => `src/integration/internals/${file}`;

/** A test that the installed `name` is in the range `patch` (its path) was written for. */
function itIsTheVersionWrittenFor(name: Package, patch: string): void {
	const [lowest, excluded] = WRITTEN_FOR[name];
	it(`runs on the ${name} ${lowest} ≤ v < ${excluded} it was written for`, () => {
		const { version } = JSON.parse(source(`${name}/package.json`)) as { version: string };
		const inRange = compareVersions(version, lowest) >= 0 && compareVersions(version, excluded) < 0;
		expect(inRange, `${name} ${version} is outside ${lowest} ≤ v < ${excluded}: re-verify ${patch} against it, then widen WRITTEN_FOR`).toBe(true);
	});
}

/** Expects the installed file `path` to match `pattern`, saying which patch (its path) depends on it. */
function expectSource(path: string, pattern: RegExp, patch: string, what: string): void {
	expect(source(path), `${path} no longer ${what}: re-verify ${patch}`).toMatch(pattern);
}

const tempDirs: string[] = [];
afterEach(() => {
	for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding `files`, removed after the test. */
function folderWith(files: Record<string, string>): URL {
	const dir = mkdtempSync(join(tmpdir(), 'specbook-internals-'));
	tempDirs.push(dir);
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return pathToFileURL(`${dir}/`);
}

/** A store of Astro's own, scoped to one collection, as loaders get it. */
const astroStore = (): DataStore => new MutableDataStore().scopedStore('specs') as DataStore;

/** Runs Astro's real `glob()` over `root` with the context parts a test controls. Returns the ids parsed. */
async function runGlob(root: URL, context: { store: DataStore; entryTypes: Map<string, EntryType> }): Promise<string[]> {
	const parsed: string[] = [];
	const silent = () => undefined;
	const loaderContext = {
		collection: 'specs',
		config: { root, srcDir: new URL('src/', root), prerenderConflictBehavior: 'warn' },
		logger: { warn: silent, error: silent, info: silent, debug: silent },
		store: context.store,
		entryTypes: context.entryTypes,
		generateDigest: (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16),
		parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
			parsed.push(id);
			return data;
		},
	} as unknown as GlobLoaderContext;
	await glob({ base: '.', pattern: '*.md' }).load(loaderContext as LoaderContext);
	return parsed;
}

/** An entry type like Astro's Markdown one: `getEntryInfo` parses, `getRenderFunction` renders. */
const markdownEntryType = (getEntryInfo: EntryType['getEntryInfo'] = async ({ contents }) => ({ data: {}, body: contents })): EntryType => ({
	getEntryInfo,
	getRenderFunction: async () => async ({ body }: { id: string; body?: string }) => ({ html: `<p>${(body ?? '').trim()}</p>`, metadata: {} }),
});

describe('glob-entry-types.ts', () => {
	itIsTheVersionWrittenFor('astro', internal('glob-entry-types.ts'));

	it('Astro still passes every loader the entry types of its content and data files', () => {
		expectSource('astro/dist/content/content-layer.js', /entryTypes: getEntryConfigByExtMap\(\[/u, internal('glob-entry-types.ts'), 'passes `entryTypes` in the loader context');
	});

	it('glob() parses each file with the entry type it finds in the context, so a tolerant one keeps an invalid file', async () => {
		const root = folderWith({ 'broken.md': '---\n: not yaml\n---\n# Body\n' });
		const throwing = markdownEntryType(async () => {
			throw new Error('invalid YAML');
		});
		const store = astroStore();
		const context = { entryTypes: new Map([['.md', throwing]]) } as GlobLoaderContext;
		expect(await runGlob(root, { store, entryTypes: tolerantEntryTypes(context) })).toEqual(['broken']);
		expect(store.get('broken')?.data).toEqual({});
		await expect(runGlob(root, { store: astroStore(), entryTypes: context.entryTypes })).rejects.toThrow('invalid YAML');
	});
});

describe('glob-digest.ts', () => {
	itIsTheVersionWrittenFor('astro', internal('glob-digest.ts'));

	it('glob() skips a file whose stored digest is unchanged, and parses it again once the digest is gone', async () => {
		const root = folderWith({ 'a.md': '# A\n' });
		const store = astroStore();
		const entryTypes = new Map([['.md', markdownEntryType()]]);
		expect(await runGlob(root, { store, entryTypes })).toEqual(['a']);
		expect(await runGlob(root, { store, entryTypes }), 'glob() no longer skips unchanged files by digest').toEqual([]);
		const entry = store.get('a');
		if (!entry) throw new Error('glob() stored nothing for a.md');
		store.set({ ...withoutDigest(entry), data: { refreshed: true } });
		expect(store.get('a')?.data, "the data store ignored an entry set without a digest").toEqual({ refreshed: true });
		expect(await runGlob(root, { store, entryTypes }), 'glob() skipped a file whose entry has no digest').toEqual(['a']);
	});

	it("the data store ignores a set with the stored digest, which is why refreshed entries drop theirs", async () => {
		const root = folderWith({ 'a.md': '# A\n' });
		const store = astroStore();
		await runGlob(root, { store, entryTypes: new Map([['.md', markdownEntryType()]]) });
		const entry = store.get('a');
		if (!entry) throw new Error('glob() stored nothing for a.md');
		store.set({ ...entry, data: { refreshed: true } });
		expect(store.get('a')?.data).toEqual({});
	});
});

describe('data-store-set.ts', () => {
	itIsTheVersionWrittenFor('astro', internal('data-store-set.ts'));

	it("glob() writes each rendered entry through the context store's own set(), HTML in rendered.html", async () => {
		const root = folderWith({ 'a.md': 'Hello\n' });
		const store = astroStore();
		const written: string[] = [];
		const proxied = withStoreSet(store, (entry) => {
			written.push(entry.rendered?.html ?? '');
			return store.set(entry);
		});
		expect(await runGlob(root, { store: proxied, entryTypes: new Map([['.md', markdownEntryType()]]) })).toEqual(['a']);
		expect(written).toEqual(['<p>Hello</p>']);
		// Every other member still works through the proxy (glob() read the store through it).
		expect([...proxied.keys()]).toEqual(['a']);
	});

	it("render() draws an entry's HTML from rendered.html, where the spec page puts the stored body back", () => {
		expectSource('astro/dist/content/runtime.js', /: entry\?\.rendered\?\.html;\s*const Content = createComponent\(\(\) => serverRender`\$\{unescapeHTML\(html\)\}`\)/u, internal('data-store-set.ts'), "renders an entry's `rendered.html`");
	});
});

describe('docs-schema-cache.ts', () => {
	itIsTheVersionWrittenFor('@astrojs/starlight', internal('docs-schema-cache.ts'));

	it('<StarlightPage> still checks frontmatter with a fixed z.custom image() validator', () => {
		// If Starlight changes this call, the cache silently stops working: this test says so.
		expectSource('@astrojs/starlight/dist/utils/starlight-page.js', /StarlightPageFrontmatterSchema\(\{\s*image: \(\(\) => z\.custom\(/u, internal('docs-schema-cache.ts'), 'passes `image: () => z.custom(…)`');
	});

	it("zod still names a z.custom schema's type `custom` in its internal definition, and Astro's path resolver otherwise", () => {
		const custom = z.custom(() => true) as unknown as { _zod?: { def?: { type?: string } } };
		const resolver = z.string().transform((path) => path) as unknown as { _zod?: { def?: { type?: string } } };
		expect(custom._zod?.def?.type).toBe('custom');
		expect(resolver._zod?.def?.type).not.toBe('custom');
		expectSource('astro/dist/content/runtime-assets.js', /return \(\) => \{\s*return z\.string\(\)\.transform\(/u, internal('docs-schema-cache.ts'), "builds the content layer's image() as a string transform");
	});
});

describe('satteri-mdast-plugins.ts', () => {
	itIsTheVersionWrittenFor('@astrojs/markdown-satteri', internal('satteri-mdast-plugins.ts'));
	itIsTheVersionWrittenFor('@astrojs/mdx', internal('satteri-mdast-plugins.ts'));

	it("recognises Astro's default Markdown processor and adds plugins to its list", () => {
		const processor = satteri();
		expect(isSatteriProcessor(processor)).toBe(astroIsSatteriProcessor(processor));
		const plugin = () => undefined;
		expect(addMdastPlugins(processor, [plugin])).toBe(true);
		expect(processor.options.mdastPlugins).toContain(plugin);
		expect(addMdastPlugins({ name: 'unified', options: { remarkPlugins: [] } }, [plugin])).toBe(false);
		expectSource('astro/dist/core/config/schemas/base.js', /\.default\(\(\) => satteri\(\)\)/u, internal('satteri-mdast-plugins.ts'), 'makes `satteri()` the default `markdown.processor`');
	});

	it('the processor reads its plugin list when it makes a renderer, for Markdown and MDX alike', () => {
		expectSource('@astrojs/markdown-satteri/dist/processor.js', /createRenderer\(shared\) \{\s*return createSatteriMarkdownProcessor\(\{[^}]*mdastPlugins: processor\.options\.mdastPlugins/u, internal('satteri-mdast-plugins.ts'), 'reads `options.mdastPlugins` in createRenderer()');
		expectSource('@astrojs/markdown-satteri/dist/processor.js', /createSatteriMdxProcessor\(shared, mdx, processor\.options\)/u, internal('satteri-mdast-plugins.ts'), "hands MDX the processor's options");
		expectSource('@astrojs/mdx/dist/index.js', /extendMarkdownConfig \? config\.markdown\.processor : void 0/u, internal('satteri-mdast-plugins.ts'), "inherits Astro's `markdown.processor`");
	});
});

describe('starlight-inline-scripts.ts', () => {
	itIsTheVersionWrittenFor('@astrojs/starlight', internal('starlight-inline-scripts.ts'));
	itIsTheVersionWrittenFor('astro', internal('starlight-inline-scripts.ts'));

	const starlightDir = new URL('@astrojs/starlight/dist/', NODE_MODULES);
	const astroFiles = (readdirSync(starlightDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => name.endsWith('.astro'));
	const inlineScripts = (text: string) => [...text.matchAll(/<script\b([^>]*)>/gu)].map((match) => match[1] ?? '').filter((attributes) => /\bis:inline\b/u.test(attributes));

	it("reads Starlight's theme script, the one every page runs first, from Starlight's component sources", () => {
		const provider = source('@astrojs/starlight/dist/components/ThemeProvider.astro');
		const body = /<script is:inline>([\s\S]*?)<\/script>/u.exec(provider)?.[1] ?? '';
		expect(body).toContain('StarlightThemeProvider');
		expect(inlineScriptHashes(componentSources())).toContain(scriptHash(body));
	});

	it("finds every Starlight inline script: all in the folders it reads, none rewritten by Astro (define:vars)", () => {
		const withInline = astroFiles.filter((name) => inlineScripts(readFileSync(new URL(name, starlightDir), 'utf8')).length > 0);
		expect(withInline.length).toBeGreaterThan(0);
		for (const name of withInline) {
			expect(name, `${name}: Starlight has an inline script outside components/ and user-components/: re-verify ${internal('starlight-inline-scripts.ts')}`).toMatch(/^(components|user-components)\//u);
			for (const attributes of inlineScripts(readFileSync(new URL(name, starlightDir), 'utf8'))) {
				expect(attributes, `${name} has an inline script Astro does not emit verbatim: re-verify ${internal('starlight-inline-scripts.ts')}`).not.toMatch(/define:vars|set:html|src=/u);
			}
		}
	});
});

describe('sidebar-current-entry.ts', () => {
	itIsTheVersionWrittenFor('@astrojs/starlight', internal('sidebar-current-entry.ts'));
	const navigation = '@astrojs/starlight/dist/utils/navigation.js';

	it('Starlight still marks the current link on one sidebar shared by the pages of a locale', () => {
		expectSource(navigation, /setIntermediateSidebarCurrentEntry\(intermediateSidebar, pathname, locale\);\s*return intermediateSidebar;/u, internal('sidebar-current-entry.ts'), 'marks the current link on a shared sidebar');
		expectSource('@astrojs/starlight/dist/utils/routing/middleware.js', /context\.locals\.starlightRoute = klona\(routeData\)/u, internal('sidebar-current-entry.ts'), "gives each page's middleware its own copy of the route data");
	});

	it("matches links as the patch does: the first whose encoded href, without .html or a trailing slash, is the page's", () => {
		expectSource(navigation, /const path = neverPathFormatter\(encodeURI\(entry\.href\)\);\s*if \(!entriesByPath\.has\(path\)\) entriesByPath\.set\(path, entry\);/u, internal('sidebar-current-entry.ts'), 'matches the first link by `neverPathFormatter(encodeURI(href))`');
		expectSource(navigation, /return entriesByPath\.get\(neverPathFormatter\(pathname\)\) \?\? null;/u, internal('sidebar-current-entry.ts'), 'compares links with `neverPathFormatter(pathname)`');
	});
});

describe('toc-top-entry.ts', () => {
	itIsTheVersionWrittenFor('@astrojs/starlight', internal('toc-top-entry.ts'));

	it('the first table of contents entry still points at the page title, `_top`', () => {
		expectSource('@astrojs/starlight/dist/constants.js', /const PAGE_TITLE_ID = "_top";/u, internal('toc-top-entry.ts'), 'gives the page title the id `_top`');
		expectSource('@astrojs/starlight/dist/utils/generateToC.js', /slug: PAGE_TITLE_ID,/u, internal('toc-top-entry.ts'), 'starts the ToC with the page title');
	});
});

describe('inline-code-direction.ts', () => {
	itIsTheVersionWrittenFor('@astrojs/starlight', internal('inline-code-direction.ts'));

	it('Starlight gives inline code dir="auto" unless it already has a dir, after the Markdown tree plugins', () => {
		const satteriPlugins = '@astrojs/starlight/dist/integrations/satteri.js';
		expectSource(satteriPlugins, /filter: \["code"\],\s*visit\(node, ctx\) \{\s*if \(!\(node\.properties && "dir" in node\.properties\) && !hasPreParent\(node, ctx\)\) ctx\.setProperty\(node, "dir", "auto"\);/u, internal('inline-code-direction.ts'), 'skips `<code>` with a `dir` and sets `dir="auto"` otherwise');
		expectSource(satteriPlugins, /hastPlugins: \[\(\{ fileURL \}\) => \{[\s\S]*?satteriRtlCodeSupportPlugin\(\)/u, internal('inline-code-direction.ts'), 'runs its RTL code plugin on the HTML tree');
	});
});

describe('pagefind-tuning.ts', () => {
	itIsTheVersionWrittenFor('@astrojs/starlight', internal('pagefind-tuning.ts'));
	itIsTheVersionWrittenFor('pagefind', internal('pagefind-tuning.ts'));

	it("Starlight indexes through Pagefind's Node API, whose indexer is a child process inheriting the environment", () => {
		expectSource('@astrojs/starlight/dist/integrations/pagefind.js', /import \* as pagefind from "pagefind";[\s\S]*await pagefind\.createIndex\(\)/u, internal('pagefind-tuning.ts'), "indexes with Pagefind's `createIndex()`");
		const spawn = /child_process\.spawn\(([\s\S]*?)\);/u.exec(source('pagefind/lib/service.js'))?.[1];
		expect(spawn, `pagefind/lib/service.js no longer spawns its indexer: re-verify ${internal('pagefind-tuning.ts')}`).toBeDefined();
		expect(spawn, `Pagefind's indexer no longer inherits the environment: re-verify ${internal('pagefind-tuning.ts')}`).not.toMatch(/\benv\b/u);
	});
});

describe('search-index.ts', () => {
	itIsTheVersionWrittenFor('@astrojs/starlight', internal('search-index.ts'));
	itIsTheVersionWrittenFor('pagefind', internal('search-index.ts'));
	itIsTheVersionWrittenFor('astro', internal('search-index.ts'));

	it("Starlight's astro:build:done does nothing but index the built site, so replacing it replaces only that", () => {
		const integration = starlight({ title: 'Specs' });
		const hook = integration.hooks['astro:build:done'];
		expect(String(hook).replace(/\s+/gu, ' '), `Starlight's astro:build:done changed: re-verify ${internal('search-index.ts')}`).toBe(
			'async (options) => { if (!userConfig.pagefind) return; return starlightPagefind(options); }'
		);
		expect(replaceStarlightIndexing([integration], tmpdir())).toBe(true);
		expect(integration.hooks['astro:build:done']).not.toBe(hook);
		const other = { name: '@astrojs/starlight', hooks: { 'astro:build:done': async () => {} } };
		expect(replaceStarlightIndexing([other], tmpdir())).toBe(false);
	});

	it("Starlight's Pagefind step forks its logger before anything else, which is how the plugin learns that Starlight would index", () => {
		expectSource('@astrojs/starlight/dist/integrations/pagefind.js', /async function starlightPagefind\(\{ dir, logger: starlightLogger \}\) \{\s*const logger = starlightLogger\.fork\(/u, internal('search-index.ts'), 'forks its logger first');
	});

	it('Astro reads each integration\'s astro:build:done from the config when the build is done', () => {
		expectSource('astro/dist/integrations/hooks.js', /async function runHookBuildDone\([\s\S]*?for \(const integration of settings\.config\.integrations\) \{\s*await runHookInternal\(\{\s*integration,\s*hookName: "astro:build:done"/u, internal('search-index.ts'), 'calls the build:done hook of each integration in the config');
	});

	it("Pagefind's command is the package's bin, lib/runner/bin.cjs", () => {
		expect(JSON.parse(source('pagefind/package.json')).bin).toBe('lib/runner/bin.cjs');
	});
});

describe('pagefind-ui-filters.ts', () => {
	itIsTheVersionWrittenFor('@pagefind/default-ui', internal('pagefind-ui-filters.ts'));

	it('Pagefind UI loads the filters in one place only, its init, which the patch removes', () => {
		const ui = source('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs');
		expect(ui.match(new RegExp(EAGER_FILTER_LOAD, 'gu')), `Pagefind UI no longer calls loadFilters() once in its init: re-verify ${internal('pagefind-ui-filters.ts')}`).toHaveLength(1);
		const patched = withoutEagerFilters(ui);
		// What is left is the function itself, never called, and its one call of pagefind.filters().
		expect(patched.match(/\bloadFilters\b/gu)).toEqual(['loadFilters']);
		expect(patched.match(/\.filters\(\)/gu)).toHaveLength(1);
	});

	it("Starlight's header search imports Pagefind UI by its package name, which resolves to the patched ES build", () => {
		expectSource('@astrojs/starlight/dist/components/Search.astro', /await import\('@pagefind\/default-ui'\)/u, internal('pagefind-ui-filters.ts'), 'imports `@pagefind/default-ui`');
		expect(JSON.parse(source('@pagefind/default-ui/package.json')).module).toBe('npm_dist/mjs/ui-core.mjs');
	});
});

describe('csp-digest-cache.ts', () => {
	itIsTheVersionWrittenFor('astro', internal('csp-digest-cache.ts'));

	it('Astro defines the digest once, in the module the patch rewrites, and pages call it by name', () => {
		const module = source('astro/dist/core/encryption.js');
		expect(module.match(new RegExp(CSP_DIGEST_DEFINITION, 'gu')), `Astro no longer defines generateCspDigest(data, algorithm): re-verify ${internal('csp-digest-cache.ts')}`).toHaveLength(1);
		expectSource('astro/dist/core/fetch/fetch-state.js', /await generateCspDigest\(style\.children, cspAlgorithm\)/u, internal('csp-digest-cache.ts'), 'hashes the head styles with generateCspDigest');
	});

	it('the patched digest gives the digest of each string, working it out once per string and algorithm', async () => {
		const module = `let calls = 0;
async function generateCspDigest(data, algorithm) {
	calls++;
	return algorithm + ':' + data.length;
}
export { generateCspDigest };
export const callsMade = () => calls;`;
		const patched = await import(`data:text/javascript,${encodeURIComponent(withCachedCspDigests(module))}`);
		const digests = await Promise.all(['a', 'bb', 'a', 'a', 'bb'].map((data) => patched.generateCspDigest(data, 'SHA-256')));
		expect(digests).toEqual(['SHA-256:1', 'SHA-256:2', 'SHA-256:1', 'SHA-256:1', 'SHA-256:2']);
		expect(await patched.generateCspDigest('a', 'SHA-512')).toBe('SHA-512:1');
		expect(patched.callsMade()).toBe(3);
	});

	it('keeps the digest exported where Astro 7.4 exports it at its definition', async () => {
		const module = `export async function generateCspDigest(data, algorithm) {
	return algorithm + ':' + data.length;
}
export function other() {}`;
		const rewritten = withCachedCspDigests(module);
		expect(rewritten).not.toBe(module);
		const patched = await import(`data:text/javascript,${encodeURIComponent(rewritten)}`);
		expect(Object.keys(patched).sort()).toEqual(['generateCspDigest', 'other']);
		expect(await patched.generateCspDigest('abc', 'SHA-256')).toBe('SHA-256:3');
		expect(exportedNames(rewritten)).toEqual(exportedNames(module));
	});
});

describe('module-patch.ts', () => {
	it('says when the module changed under the patch, and whether the module came by at all', () => {
		const warnings: string[] = [];
		const plugin = cspDigestCachePlugin((message) => warnings.push(message));
		plugin.transform('export const unrelated = 1;', '/project/node_modules/astro/dist/core/other.js');
		expect(plugin.sawModule()).toBe(false);
		expect(warnings).toEqual([]);
		const moved = 'export async function digest(data) { return data; }';
		expect(plugin.transform(moved, '/project/node_modules/astro/dist/core/encryption.js?v=1')).toEqual({ code: moved, map: null });
		expect(plugin.sawModule()).toBe(true);
		expect(warnings).toEqual([expect.stringMatching(/no longer defines generateCspDigest/u)]);
		// A patch that would drop or add an export is not applied: the module's importers would break.
		const unexported = 'export async function generateCspDigest(data, algorithm) { return data; }';
		const breaking = modulePatchPlugin({ name: 'specbook:test', module: /encryption\.js$/u, patch: (code) => code.replace('export ', ''), warning: 'patch skipped', warn: (message) => warnings.push(message) });
		expect(breaking.transform(unexported, '/x/encryption.js')).toEqual({ code: unexported, map: null });
		expect(warnings.at(-1)).toBe('patch skipped');
	});
});

describe('config-hook.ts', () => {
	itIsTheVersionWrittenFor('@astrojs/starlight', internal('config-hook.ts'));

	it("Starlight keeps the custom hook of the integration the plugin adds, so the loader finds the plugin's options", async () => {
		const root = folderWith({});
		const silent = () => undefined;
		const logger = { info: silent, warn: silent, error: silent, debug: silent, fork: () => logger, label: 'test', options: {} };
		const astroConfig = { root, srcDir: new URL('src/', root), base: '/', integrations: [], markdown: {}, build: { format: 'directory' }, trailingSlash: 'ignore', i18n: undefined };
		const { integrations } = await runPlugins({ title: 'Specs' }, [specbook({ recentCount: 3 })], {
			config: astroConfig,
			command: 'build',
			isRestart: false,
			logger,
		} as unknown as Parameters<typeof runPlugins>[2]);
		const added = integrations.find((integration) => integration.name === CONFIG_INTEGRATION_NAME);
		expect(typeof (added?.hooks as Record<string, unknown> | undefined)?.[CONFIG_HOOK], `Starlight dropped the '${CONFIG_HOOK}' hook: re-verify ${internal('config-hook.ts')}`).toBe('function');
		expect(specbookContextFrom({ integrations })?.recentCount).toBe(3);
	});
});

describe('src/components/HeaderSearch.astro (styles inside Starlight’s search)', () => {
	itIsTheVersionWrittenFor('@astrojs/starlight', 'src/components/HeaderSearch.astro');

	it("Starlight's search results still live in #starlight__search", () => {
		expectSource('@astrojs/starlight/dist/components/Search.astro', /<div id="starlight__search" \/>/u, 'src/components/HeaderSearch.astro', 'renders its results in `#starlight__search`');
	});

	it("Starlight's modal still holds the results in a .search-container inside <site-search>, where the link to /search/ goes", () => {
		expectSource('@astrojs/starlight/dist/components/Search.astro', /<site-search[\s\S]*<div class="search-container">\s*<div id="starlight__search" \/>/u, 'src/components/HeaderSearch.astro', 'wraps its results in `.search-container` inside `<site-search>`');
	});
});

describe('src/routes/specs/[...id].astro (hiding the repeated title)', () => {
	const page = 'src/routes/specs/[...id].astro';
	itIsTheVersionWrittenFor('@astrojs/starlight', page);

	it("Starlight still wraps headings with anchor links in .sl-heading-wrapper.level-h1, as the page's style expects", () => {
		expectSource('@astrojs/starlight/dist/integrations/satteri.js', /properties: \{ class: `sl-heading-wrapper level-\$\{node\.tagName\}` \}/u, page, 'wraps linked headings in `.sl-heading-wrapper.level-hN`');
	});
});

describe('src/core/run-schema.ts (zod’s core run, which safeParse calls)', () => {
	const patch = 'src/core/run-schema.ts';
	itIsTheVersionWrittenFor('zod', patch);

	it('returns the transformed output and every issue at once, as the analyser needs for a spec with warnings only', () => {
		const schema = z.object({
			timeline: z.string().transform((text) => ({ text, days: text.length })),
			phases: z.array(z.number()).superRefine((numbers, ctx) => {
				if (numbers[1] !== 2) ctx.addIssue({ code: 'custom', message: 'numbering', params: { code: 'phase-numbering', severity: 'warning' }, path: [1] });
			}),
		});
		const { output, issues } = runSchema(schema, { timeline: 'abc', phases: [1, 3] });
		expect(output, `${patch}: zod's _zod.run no longer returns the output beside the issues`).toEqual({ timeline: { text: 'abc', days: 3 }, phases: [1, 3] });
		expect(issues).toEqual([{ code: 'custom', path: ['phases', 1], params: { code: 'phase-numbering', severity: 'warning' } }]);
	});

	it('zod still drops a transform after any issue and the issues of an absent optional key (what specSchema is built around)', () => {
		const piped = z.object({ value: z.string().superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: 'x' })).transform(() => 'transformed') });
		expect(runSchema(piped, { value: 'raw' }).output).toEqual({ value: 'raw' });
		const optional = z.object({ section: z.object({}).optional().superRefine((value, ctx) => void (value === undefined && ctx.addIssue({ code: 'custom', message: 'missing' }))) });
		expect(optional.safeParse({}).success, `${patch}: see keepAbsenceIssues in src/core/schema.ts`).toBe(true);
	});
});
