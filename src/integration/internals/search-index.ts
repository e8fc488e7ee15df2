/**
 * The site's search index, built in place of Starlight's own step. Starlight runs Pagefind at the
 * end of a build through Pagefind's Node API, which drives the indexer in its service mode over
 * every page whole. This runs the same Pagefind, as the command Pagefind documents, over each page
 * cut to what it indexes (./search-page.ts): at 5,000 specs the service mode took about a fifth
 * longer than the command on the same pages, and the cut pages made the indexer smaller still.
 * The index is the one Starlight would write (test/integration/search-index-parity.test.ts compares them).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { PAGEFIND_ENVIRONMENT } from './pagefind-tuning.ts';
import { searchPage } from './search-page.ts';

type BuildDoneHook = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/** Pages read and written at once: enough to keep the disk busy, few enough to hold little memory. */
const CONCURRENT_PAGES = 32;

/**
 * Makes Starlight's `astro:build:done` build the index with buildSearchIndex() into a working copy
 * under `cacheDir` (Astro's cache folder, not a RAM-backed /tmp). Starlight's hook does nothing
 * else today; when it no longer looks so (it does not call its Pagefind step), it is left as it is
 * and false is returned, so Starlight keeps indexing the slower way.
 */
export function replaceStarlightIndexing(integrations: readonly AstroIntegration[], cacheDir: string): boolean {
	const starlight = integrations.find((integration) => integration.name === '@astrojs/starlight');
	const hook = starlight?.hooks['astro:build:done'];
	if (!starlight || !hook || !/\bstarlightPagefind\(/u.test(String(hook))) return false;
	const replacement: BuildDoneHook = async (options) => {
		if (await starlightWouldIndex(hook, options)) await buildSearchIndex(fileURLToPath(options.dir), options.logger.fork('specbook:pagefind'), cacheDir);
	};
	starlight.hooks['astro:build:done'] = replacement;
	return true;
}

/** Thrown by the stand-in logger below: Starlight has started its Pagefind step. */
const STARTED_INDEXING = Symbol('Starlight started indexing');

/**
 * Whether Starlight's own hook would index (search on, pages prerendered, as Starlight's final
 * config says, whichever plugin set it): the hook is run with a logger that stops it at the first
 * thing its Pagefind step does, forking that logger, before anything is indexed.
 */
async function starlightWouldIndex(hook: BuildDoneHook, options: Parameters<BuildDoneHook>[0]): Promise<boolean> {
	const stopAtFork = new Proxy(options.logger, {
		get(logger, key) {
			if (key === 'fork') return () => { throw STARTED_INDEXING; };
			const value: unknown = Reflect.get(logger, key);
			return typeof value === 'function' ? value.bind(logger) : value;
		},
	});
	try {
		await hook({ ...options, logger: stopAtFork });
		return false;
	} catch (error) {
		if (error === STARTED_INDEXING) return true;
		throw error;
	}
}

/** Indexes the built site in `outDir` into `outDir/pagefind/`, as Starlight does; throws with Pagefind's output when it fails. */
export async function buildSearchIndex(outDir: string, log: Pick<AstroIntegrationLogger, 'info'>, cacheDir: string): Promise<void> {
	const started = performance.now();
	log.info('Building search index with Pagefind...');
	await mkdir(cacheDir, { recursive: true });
	const work = await mkdtemp(join(cacheDir, 'specbook-search-'));
	try {
		const pages = await writeSearchPages(outDir, join(work, 'site'));
		// A site that marks no page is indexed whole by Pagefind: then it reads the site as it is.
		const site = pages.marked > 0 ? join(work, 'site') : outDir;
		log.info(`Found ${pages.html} HTML files, ${pages.marked} of them marked for search.`);
		await runPagefind(['--site', site, '--output-path', join(outDir, 'pagefind')], work);
		const seconds = (performance.now() - started) / 1000;
		log.info(`Finished building search index in ${seconds < 0.75 ? `${Math.round(seconds * 1000)}ms` : `${seconds.toFixed(2)}s`}.`);
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

/** Writes to `into` each page of `outDir` that Pagefind indexes, as searchPage() cuts it, at the same path. */
async function writeSearchPages(outDir: string, into: string): Promise<{ html: number; marked: number }> {
	const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
	let marked = 0;
	let next = 0;
	let failed = false;
	const worker = async () => {
		for (let index = next++; index < files.length && !failed; index = next++) {
			const file = files[index]!;
			try {
				// Read and written as Latin-1, one character per byte: the cut only looks for ASCII markup, the
				// bytes go over unchanged, and no UTF-8 is decoded and encoded again (half of this step's time).
				const page = searchPage(await readFile(join(outDir, file), 'latin1'));
				if (page === undefined) continue;
				marked++;
				await mkdir(dirname(join(into, file)), { recursive: true });
				await writeFile(join(into, file), page, 'latin1');
			} catch (error) {
				// The others stop too, so that none writes into the folder once it is being removed.
				failed = true;
				throw error;
			}
		}
	};
	const results = await Promise.allSettled(Array.from({ length: CONCURRENT_PAGES }, worker));
	const rejected = results.find((result) => result.status === 'rejected');
	if (rejected) throw rejected.reason;
	return { html: files.length, marked };
}

/**
 * Pagefind's command (the `pagefind` package's own bin), run from `cwd` so that no Pagefind config
 * file of the project changes it, as none changes Starlight's run. Pagefind's command also reads
 * `PAGEFIND_*` variables, which Starlight's run did not (one would even serve the site and never
 * return): only the settings of ./pagefind-tuning.ts and the binary's location reach it.
 */
function runPagefind(args: string[], cwd: string): Promise<void> {
	const bin = fileURLToPath(new URL('./runner/bin.cjs', import.meta.resolve('pagefind')));
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [bin, ...args], { cwd, env: pagefindEnvironment(process.env), stdio: ['ignore', 'pipe', 'pipe'] });
		const output: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (code === 0) return resolve();
			const said = Buffer.concat(output).toString('utf8').trim().split('\n').slice(-20).join('\n');
			reject(new Error(`Pagefind could not build the search index (${signal ? `stopped by ${signal}` : `exit code ${code}`}):\n${said}`));
		});
	});
}

/** The `PAGEFIND_*` variables Pagefind's command may see: the tuning, and where its binary is. */
const PAGEFIND_VARIABLES_KEPT = new Set([...Object.keys(PAGEFIND_ENVIRONMENT), 'PAGEFIND_BINARY_PATH', 'PAGEFIND_EXTENDED_BINARY_PATH']);

/** `env` without the `PAGEFIND_*` variables Starlight's run would not have read. */
export function pagefindEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('PAGEFIND_') || PAGEFIND_VARIABLES_KEPT.has(name)));
}
