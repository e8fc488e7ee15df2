/**
 * The Specbook Starlight plugin: `starlight({ plugins: [specbook({ editLinkBase, prefix })] })`.
 * It injects Specbook's pages (src/routes) under `prefix`, appends its sidebar group (links to the
 * indexes, with counts) to the host's sidebar, replaces Starlight's 404 page at the root, lets
 * Starlight's Markdown features (asides, heading links) process the specs folder and the guide,
 * and exposes the options to the pages as `virtual:specbook/config`.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { AstroIntegration } from 'astro';
import { bodiesDir } from '../content/bodies.ts';
import { inheritedEnvironment, resolveContext, type SpecbookContext } from '../context.ts';
import { sidebarConfig } from '../site/sidebar.ts';
import { routesBase } from '../site/urls.ts';
import { hostDocsSidebar, hostPages, routeCollisions } from './host-site.ts';
import { sourcePath } from './package-files.ts';
import { specbookRoutes } from './routes.ts';
import { recordOptions } from './options-record.ts';
import { specbookCsp } from './csp.ts';
import { tunePagefind } from './internals/pagefind-tuning.ts';
import { replaceStarlightIndexing } from './internals/search-index.ts';
import { cspDigestCachePlugin } from './internals/csp-digest-cache.ts';
import { pagefindUiFiltersPlugin } from './internals/pagefind-ui-filters.ts';
import { inlineCodeDirectionPlugin } from './internals/inline-code-direction.ts';
import { specLinksPlugin } from './spec-links.ts';
import { gitRoot } from '../core/git.ts';
import { repoHost } from '../site/repo-links.ts';
import { addMdastPlugins } from './internals/satteri-mdast-plugins.ts';
import { SpecbookConfigSchema, type SpecbookRuntimeConfig, type SpecbookUserConfig } from './config.ts';
import { CONFIG_HOOK, CONFIG_INTEGRATION_NAME } from './internals/config-hook.ts';

const VIRTUAL_CONFIG = 'virtual:specbook/config';

export default function specbook(userConfig: SpecbookUserConfig = {}): StarlightPlugin {
	recordOptions(userConfig);
	const config = SpecbookConfigSchema.parse(userConfig);
	return {
		name: 'specbook',
		hooks: {
			'config:setup'({ config: starlightConfig, astroConfig, updateConfig, addRouteMiddleware, addIntegration }) {
				// Resolved once for the whole build: the loader (through the hook below) and the pages
				// (through the virtual module) read this same object.
				const context = resolveContext({ root: fileURLToPath(astroConfig.root), config });
				const { prefix } = config;
				const atRoot = prefix === '/';
				const hostSidebar = starlightConfig.sidebar ?? hostDocsSidebar(context.root);
				// Site-wide settings made for a site of specs only; a host site with pages of its own keeps its own.
				const specsOnly = hostSidebar.length === 0;
				updateConfig({
					sidebar: sidebarConfig(hostSidebar, prefix),
					// Feed readers find /feed.xml from any page.
					head: [
						...(starlightConfig.head ?? []),
						{
							tag: 'link',
							attrs: { rel: 'alternate', type: 'application/rss+xml', title: `${siteTitle(starlightConfig.title)} — recently updated specs`, href: `${routesBase(astroConfig.base, prefix)}feed.xml` },
						},
					],
					// Prev/next links follow the sidebar, which holds indexes, not reading order.
					...(specsOnly ? { pagination: false } : {}),
					// At the root, src/routes/404.astro links the indexes and search instead; under a prefix the
					// host keeps its own.
					...(atRoot ? { disable404Route: true } : {}),
					// The header search shows each result's status and authors; a site's own override wins.
					components: {
						...starlightConfig.components,
						Search: starlightConfig.components?.Search ?? sourcePath('components/HeaderSearch.astro'),
					},
					...(config.editLinkBase ? { editLink: { baseUrl: config.editLinkBase } } : {}),
					markdown: {
						// Each heading's anchor link carries an inline SVG (~700 B): 26 headings made 18 KB of a
						// 70 KB spec page and of every spec's stored HTML. Headings keep their ids and the table
						// of contents links them, so sections can still be linked to.
						...(specsOnly ? { headingLinks: false } : {}),
						...starlightConfig.markdown,
						processedDirs: [...(starlightConfig.markdown?.processedDirs ?? []), context.specsDir, sourcePath('guide')],
					},
				});
				addRouteMiddleware({ entrypoint: sourcePath('integration/route-middleware.ts') });
				const runtimeConfig: Omit<SpecbookRuntimeConfig, 'bodiesDir'> = {
					...context,
					title: siteTitle(starlightConfig.title),
					description: starlightConfig.description,
				};
				/** The CSP digest patch of this build, when the site has a content security policy. */
				let cspDigests: ReturnType<typeof cspDigestCachePlugin> | undefined;
				let building = false;
				addIntegration({
					name: CONFIG_INTEGRATION_NAME,
					hooks: {
						// Not an Astro hook: how the content loader reads the context (see specbookContextFrom()).
						[CONFIG_HOOK]: () => context,
						'astro:config:setup'({ config: astro, command, updateConfig: updateAstroConfig, injectRoute, logger }) {
							building = command === 'build';
							if (building) tunePagefind(inheritedEnvironment());
							// Every Specbook address is a folder (`/specs/x/`): with pages written as files, each link would 404.
							if (astro.build.format !== 'directory') throw new Error(`Specbook's pages need Astro's \`build.format\` to be 'directory' (the default), not '${astro.build.format}': its links are folder addresses (/specs/<id>/), which '${astro.build.format}' does not write.`);
							const routes = specbookRoutes(sourcePath('routes'), prefix);
							// Astro only warns when two routes make one page, and then keeps either: a host page
							// must not silently hide a Specbook page or the other way round.
							const collisions = routeCollisions(routes, hostPages(context.root));
							if (collisions.length > 0) throw new Error(`${collisions.join('\n')}\nMove the page, or set Specbook's \`prefix\` option to a folder of its own (e.g. '/rfcs/').`);
							for (const { pattern, entrypoint } of routes) injectRoute({ pattern, entrypoint, prerender: true });
							// Links between specs become page URLs (`../ledger/x.md` → `/specs/ledger/x/`); inline code
							// gets its `dir` before Starlight looks for it (see internals/inline-code-direction.ts).
							// Links to other repository files go to the host, by their path from the root of the
							// repository holding the specs (the project root outside git).
							const { specsDir, cwd } = context;
							const host = repoHost(config);
							const repo = host && { host, root: gitRoot(resolve(cwd, specsDir)) ?? context.root };
							const plugins = [specLinksPlugin({ specsDir, cwd, base: routesBase(astro.base, prefix), repo }), inlineCodeDirectionPlugin({ specsDir, cwd })];
							if (!addMdastPlugins(astro.markdown.processor, plugins)) logger.warn('Links between specs are left as written: the Markdown processor is not Sätteri.');
							// Spec pages read the bodies from where this command's loader writes them.
							const pagesConfig: SpecbookRuntimeConfig = { ...runtimeConfig, bodiesDir: bodiesDir(astro, command === 'dev') };
							cspDigests = config.csp ? cspDigestCachePlugin((message) => logger.warn(message)) : undefined;
							updateAstroConfig({
								...(config.csp ? { security: { csp: specbookCsp() } } : {}),
								vite: {
									// The header search leaves the filter data to /search/ (see internals/pagefind-ui-filters.ts);
									// pages hash each inline style and script once per build (internals/csp-digest-cache.ts).
									plugins: [
										virtualConfigPlugin(pagesConfig),
										specsImportsPlugin(context),
										pagefindUiFiltersPlugin((message) => logger.warn(message)),
										...(cspDigests ? [cspDigests] : []),
									],
									// src/site/urls.ts reads it beside BASE_URL, in pages and browser scripts alike.
									define: { 'import.meta.env.SPECBOOK_PREFIX': JSON.stringify(prefix) },
								},
							});
						},
						'astro:config:done'({ config: astro, logger }) {
							// Pagefind reads each page without the site's chrome (see internals/search-index.ts).
							if (building && !replaceStarlightIndexing(astro.integrations, fileURLToPath(astro.cacheDir))) {
								logger.warn("Starlight's search indexing step has changed: Specbook leaves it to Starlight, which indexes large sites more slowly (internals/search-index.ts).");
							}
						},
						'astro:build:done'({ logger }) {
							// The digest patch warns when Astro's module changed, and here when it never came by.
							if (cspDigests && !cspDigests.sawModule()) logger.warn('Astro no longer builds pages with the module whose CSP digests Specbook caches (internals/csp-digest-cache.ts): every page hashes its inline styles and scripts again, which slows large builds.');
						},
					},
				} as AstroIntegration);
			},
		},
	};
}

/**
 * MDX specs import components (`@astrojs/starlight/components`). When the specs folder is outside
 * the project (`SPECS_DIR=/elsewhere`), no node_modules is found from there: resolve the bare
 * imports of those files as if the project root imported them.
 */
function specsImportsPlugin({ root, cwd, specsDir: relativeSpecsDir }: SpecbookContext) {
	const specsDir = resolve(cwd, relativeSpecsDir);
	const outside = relative(root, specsDir).startsWith('..');
	return {
		name: 'specbook:specs-imports',
		enforce: 'pre' as const,
		async resolveId(
			this: { resolve: (source: string, importer?: string, options?: object) => Promise<unknown> },
			source: string,
			importer: string | undefined,
			options: object,
		) {
			if (!outside || !importer || source.startsWith('.') || isAbsolute(source) || source.startsWith('\0')) return null;
			const importerPath = importer.split('?')[0] as string;
			if (!importerPath.startsWith(`${specsDir}${sep}`)) return null;
			return this.resolve(source, join(root, 'package.json'), { ...options, skipSelf: true });
		},
	};
}

/** A Vite plugin serving the validated options as a module. */
function virtualConfigPlugin(config: unknown) {
	const resolved = `\0${VIRTUAL_CONFIG}`;
	return {
		name: 'specbook:virtual-config',
		resolveId: (id: string) => (id === VIRTUAL_CONFIG ? resolved : undefined),
		load: (id: string) => (id === resolved ? `export default ${JSON.stringify(config)};` : undefined),
	};
}

/** Starlight's title in its default language (it may be a string or a map of languages). */
function siteTitle(title: string | Record<string, string>): string {
	return typeof title === 'string' ? title : (Object.values(title)[0] ?? 'Specbook');
}
