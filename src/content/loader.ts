/**
 * The `specs` collection loader: Astro's `glob()` over the specs folder, with the data of each entry
 * replaced by the parsed spec. Astro still reads the files, watches them in `astro dev`, renders the
 * Markdown and defers MDX; this loader only decides what `data` holds and when the build must stop.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { posix, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'astro/loaders';
import type { Diagnostic } from '../core/model.ts';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { formatDiagnostic, specIdFromPath } from '../core/index.ts';
import { withoutDigest } from '../integration/internals/glob-digest.ts';
import { tolerantEntryTypes, type GlobLoaderContext, type RenderFailure } from '../integration/internals/glob-entry-types.ts';
import { specbookContextFrom } from '../integration/internals/config-hook.ts';
import { resolveContext, type SpecbookContext } from '../context.ts';
import { PUBLISHED_SPECS_GLOB, relativePath } from '../core/paths.ts';
import { SpecbookConfigSchema } from '../integration/config.ts';
import { historyTimingMessage, SpecsAnalysis } from './analysis.ts';
import { bodiesDir, forgetEntriesWithoutBody, pruneBodies, settleBodyWrites, storeWithBodiesOutside, type BodyWrite } from './bodies.ts';
import { BUILD_FAILURE_HINT, buildFailureMessage, reportDiagnostics } from './report.ts';
import { SpecDataSchema, type SpecData } from './schema.ts';

/**
 * Bump when the loader or the shape of the stored data changes in a way the source hash below
 * cannot see. Astro keeps entries whose file is unchanged, so without a new version an upgrade
 * would keep serving data made by the old parser.
 */
export const LOADER_VERSION = 2;

/**
 * The loader. Its context (specs folder, today, settings) is the one the Specbook plugin resolved,
 * read when loading: the plugin only exists once Astro's config is set up. `context` is for a site
 * without the plugin, and for tests.
 */
export function specsLoader(options: { context?: SpecbookContext } = {}): Loader {
	return {
		name: 'specbook-specs',
		schema: SpecDataSchema,
		async load(context) {
			const resolved = options.context ?? specbookContextFrom(context.config) ?? resolveContext({ root: fileURLToPath(context.config.root), config: SpecbookConfigSchema.parse({}) });
			const { specsDir, cwd, today, mdx, maxFileBytes } = resolved;
			const files = glob({
				base: pathToFileURL(resolve(cwd, specsDir)),
				// Published specs: the rule of src/core/paths.ts, so the CLI and the site agree.
				pattern: [...PUBLISHED_SPECS_GLOB],
				// The spec id rule lives in src/core (lower-case, no extension), not in Astro's slugger.
				generateId: ({ entry }) => specIdFromPath(specsDir, posix.join(specsDir, entry)),
				// Pages render the stored HTML (or the MDX module), never the raw body: keeping it would add
				// ~10 KB per spec to the data store Astro bundles into one module (measured by npm run bench).
				retainBody: false,
			});
			// The stored HTML holds links made from these settings: a change must render the bodies again.
			const links = JSON.stringify([context.config.base, context.config.trailingSlash, context.config.build.format, resolved.prefix, resolved.repoUrl]);
			const version = await cacheVersion(specsDir, links);
			if (context.meta.get('version') !== version) {
				// Entries made by another parser, schema or folder: parse every file again.
				context.store.clear();
				context.meta.set('version', version);
			}

			const analysis = new SpecsAnalysis({ cwd, specsDir, today, mdx, maxFileBytes });
			await analysis.load();
			const historyNote = analysis.historyNote;
			if (historyNote) context.logger.warn(historyNote);
			if (analysis.historyTiming) context.logger.info(historyTimingMessage(analysis.historyTiming));
			const watching = context.watcher !== undefined;
			if (!watching && analysis.errors.length > 0) {
				// A build stops before any page is written, its error listing every error. In `astro dev`
				// the invalid specs are stored with their errors instead, so their pages show them and
				// the rest of the site keeps working.
				reportDiagnostics(analysis.warnings, context.logger);
				throw buildFailure(analysis.errors);
			}
			reportDiagnostics(analysis.diagnostics, context.logger);

			// Rendered bodies live in files beside the store (see ./bodies.ts); an entry whose file is
			// gone is rendered again.
			const bodies = bodiesDir(context.config, watching);
			forgetEntriesWithoutBody(context.store, bodies);
			const renderFailures: RenderFailure[] = [];
			const bodyWrites: BodyWrite[] | undefined = watching ? undefined : [];
			const globContext: GlobLoaderContext = {
				...(context as GlobLoaderContext),
				store: storeWithBodiesOutside(context.store, bodies, context.config.base, bodyWrites),
				entryTypes: tolerantEntryTypes(context as GlobLoaderContext, renderFailures),
				parseData: async (props) => {
					if (!props.filePath) throw new Error(`The specs loader needs a file path for entry "${props.id}".`);
					const { data, changed } = await analysis.dataFor(props.filePath, { reread: watching });
					if (changed) {
						const refreshed = await refreshOtherEntries(context, analysis, props.id);
						reportDiagnostics([data, ...refreshed].flatMap((entry) => entry.diagnostics), context.logger);
					}
					return context.parseData({ ...props, data: data as unknown as typeof props.data });
				},
			};
			await files.load(globContext);
			if (bodyWrites) await settleBodyWrites(context.store, bodyWrites);
			if (renderFailures.length > 0 && !watching) {
				// glob() logs a failed render and stores the entry without HTML: the page would be
				// published with an empty body, and the next build would reuse the empty entry.
				for (const failure of renderFailures) context.store.delete(failure.id);
				throw renderFailure(renderFailures.map(({ id, filePath, reason }) => ({ file: filePath ? relativePath(cwd, filePath) : id, reason })));
			}
			// glob() skips files whose own digest is unchanged, but their findings may depend on other
			// files, today or git (schedule warnings, cross-spec links): bring every stored entry up to
			// the analysis just made, so a cached build never shows yesterday's findings.
			await refreshOtherEntries(context, analysis, undefined);
			pruneBodies(context.store, bodies);

			// A deleted spec can change the findings of others (a `supersedes` target now missing).
			context.watcher?.on('unlink', async (path) => {
				if (!analysis.forget(path)) return;
				const refreshed = await refreshOtherEntries(context, analysis, undefined);
				reportDiagnostics(refreshed.flatMap((entry) => entry.diagnostics), context.logger);
			});
		},
	};
}

/** The error that stops a build: the located lines, without a stack trace into this loader. */
function buildFailure(errors: Diagnostic[]): Error {
	const error = new AstroError(buildFailureMessage(errors), BUILD_FAILURE_HINT);
	error.name = 'InvalidSpecs';
	error.stack = `${error.name}: ${error.message}`;
	return error;
}

/**
 * Store the new data of every entry (but the edited one) whose findings changed since it was
 * stored: after a build that reused the cache, and in `astro dev` after an edit that changed another
 * spec's findings (a duplicate Feature, a `supersedes` target that now exists).
 */
async function refreshOtherEntries(
	context: LoaderContext,
	analysis: SpecsAnalysis,
	editedId: string | undefined,
): Promise<SpecData[]> {
	const refreshed: SpecData[] = [];
	for (const [id, entry] of context.store.entries()) {
		if (id === editedId || !entry.filePath) continue;
		const data = analysis.peek(fileURLToPath(new URL(entry.filePath, context.config.root)));
		// Another file's source did not change, so only its findings (and validity) can have.
		if (!data || findingsKey(data) === findingsKey(entry.data as SpecData)) continue;
		// Without its digest the entry is parsed again on the next start, which is what we want.
		context.store.set({ ...withoutDigest(entry), data: await context.parseData({ id, data, filePath: entry.filePath }) });
		refreshed.push(data);
	}
	return refreshed;
}

/**
 * What can change about an unchanged file: its validity and its findings (cross-spec rules), and
 * its git history (a commit can leave the file as it was).
 */
function findingsKey(data: SpecData): string {
	const history = data.valid ? JSON.stringify([data.created, data.statusSince, data.revisions, data.contributors, data.history]) : '';
	return `${data.valid}\n${data.diagnostics.map(formatDiagnostic).join('\n')}\n${history}`;
}

/** The error that stops a build when a body could not be rendered: the file and the renderer's words. */
function renderFailure(failures: readonly { file: string; reason: string }[]): Error {
	const lines = failures.map(({ file, reason }) => `${file}: error: the page could not be rendered: ${reason}`);
	const error = new AstroError(`${failures.length} spec${failures.length === 1 ? '' : 's'} could not be rendered; no pages were built.\n${lines.join('\n')}`, BUILD_FAILURE_HINT);
	error.name = 'InvalidSpecs';
	error.stack = `${error.name}: ${error.message}`;
	return error;
}

/**
 * The version of the stored data: the loader version, the specs folder and a hash of the parser's
 * sources, of the spec link rewriting and of the settings it reads (both shape the stored HTML),
 * so editing them invalidates the cache without anyone remembering to bump anything.
 */
async function cacheVersion(specsDir: string, linkSettings: string): Promise<string> {
	const hash = createHash('sha256').update(linkSettings);
	// The sources as they run: .ts here, the compiled .js in the package.
	const extension = import.meta.url.endsWith('.js') ? '.js' : '.ts';
	// The internals the loader goes through (entry types, store, digest) shape the stored data too.
	for (const dir of [new URL('../core/', import.meta.url), new URL('./', import.meta.url), new URL('../integration/internals/', import.meta.url)]) {
		try {
			const names = (await readdir(dir)).filter((name) => name.endsWith(extension)).sort();
			for (const name of names) hash.update(name).update(await readFile(new URL(name, dir)));
		} catch {
			// Bundled or packaged without sources: the version constant alone has to do.
		}
	}
	// Astro stores the rendered HTML of .md entries too: the link rewriting shapes it.
	for (const file of [`../site/spec-links${extension}`, `../integration/spec-links${extension}`]) {
		hash.update(await readFile(new URL(file, import.meta.url)).catch(() => ''));
	}
	return `${LOADER_VERSION}:${specsDir}:${hash.digest('hex').slice(0, 16)}`;
}
