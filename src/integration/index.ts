/**
 * The Specbook Starlight plugin: `starlight({ plugins: [specbook({ editLinkBase })] })`.
 * It sets the sidebar (links to the indexes, with counts), replaces Starlight's 404 page, lets
 * Starlight's Markdown features (asides, heading links) process the specs folder, and exposes
 * the options to the pages as `virtual:specbook/config`. The pages themselves live in src/pages.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { AstroIntegration } from 'astro';
import { bodiesDir } from '../content/bodies.ts';
import { inheritedEnvironment, resolveContext, type SpecbookContext } from '../context.ts';
import { sidebarConfig } from '../site/sidebar.ts';
import { specbookCsp } from './csp.ts';
import { tunePagefind } from './internals/pagefind-tuning.ts';
import { pagefindUiFiltersPlugin } from './internals/pagefind-ui-filters.ts';
import { inlineCodeDirectionPlugin } from './internals/inline-code-direction.ts';
import { specLinksPlugin } from './spec-links.ts';
import { addMdastPlugins } from './internals/satteri-mdast-plugins.ts';
import { SpecbookConfigSchema, type SpecbookRuntimeConfig, type SpecbookUserConfig } from './config.ts';
import { CONFIG_HOOK, CONFIG_INTEGRATION_NAME } from './internals/config-hook.ts';

const VIRTUAL_CONFIG = 'virtual:specbook/config';

export default function specbook(userConfig: SpecbookUserConfig = {}): StarlightPlugin {
	const config = SpecbookConfigSchema.parse(userConfig);
	return {
		name: 'specbook',
		hooks: {
			'config:setup'({ config: starlightConfig, astroConfig, updateConfig, addRouteMiddleware, addIntegration }) {
				// Resolved once for the whole build: the loader (through the hook below) and the pages
				// (through the virtual module) read this same object.
				const context = resolveContext({ root: fileURLToPath(astroConfig.root), config });
				updateConfig({
					sidebar: sidebarConfig(),
					// Feed readers find /feed.xml from any page.
					head: [
						...(starlightConfig.head ?? []),
						{
							tag: 'link',
							attrs: { rel: 'alternate', type: 'application/rss+xml', title: `${siteTitle(starlightConfig.title)} — recently updated specs`, href: `${astroConfig.base.replace(/\/?$/u, '/')}feed.xml` },
						},
					],
					// Prev/next links follow the sidebar, which holds indexes, not reading order.
					pagination: false,
					// src/pages/404.astro links the indexes and search instead.
					disable404Route: true,
					// The header search shows each result's status and authors; a site's own override wins.
					components: {
						...starlightConfig.components,
						Search: starlightConfig.components?.Search ?? fileURLToPath(new URL('../components/HeaderSearch.astro', import.meta.url)),
					},
					...(config.editLinkBase ? { editLink: { baseUrl: config.editLinkBase } } : {}),
					markdown: {
						// Each heading's anchor link carries an inline SVG (~700 B): 26 headings made 18 KB of a
						// 70 KB spec page and of every spec's stored HTML. Headings keep their ids and the table
						// of contents links them, so sections can still be linked to.
						headingLinks: false,
						...starlightConfig.markdown,
						processedDirs: [...(starlightConfig.markdown?.processedDirs ?? []), context.specsDir],
					},
				});
				addRouteMiddleware({ entrypoint: fileURLToPath(new URL('./route-middleware.ts', import.meta.url)) });
				const runtimeConfig: Omit<SpecbookRuntimeConfig, 'bodiesDir'> = {
					...context,
					title: siteTitle(starlightConfig.title),
					description: starlightConfig.description,
				};
				addIntegration({
					name: CONFIG_INTEGRATION_NAME,
					hooks: {
						// Not an Astro hook: how the content loader reads the context (see specbookContextFrom()).
						[CONFIG_HOOK]: () => context,
						'astro:config:setup'({ config: astro, command, updateConfig: updateAstroConfig, logger }) {
							if (command === 'build') tunePagefind(inheritedEnvironment());
							// Links between specs become page URLs (`../ledger/x.md` → `/specs/ledger/x/`); inline code
							// gets its `dir` before Starlight looks for it (see internals/inline-code-direction.ts).
							const { specsDir, cwd } = context;
							const plugins = [specLinksPlugin({ specsDir, cwd, base: astro.base }), inlineCodeDirectionPlugin({ specsDir, cwd })];
							if (!addMdastPlugins(astro.markdown.processor, plugins)) logger.warn('Links between specs are left as written: the Markdown processor is not Sätteri.');
							// Spec pages read the bodies from where this command's loader writes them.
							const pagesConfig: SpecbookRuntimeConfig = { ...runtimeConfig, bodiesDir: bodiesDir(astro, command === 'dev') };
							updateAstroConfig({
								...(config.csp ? { security: { csp: specbookCsp() } } : {}),
								// The header search leaves the filter data to /search/ (see internals/pagefind-ui-filters.ts).
								vite: { plugins: [virtualConfigPlugin(pagesConfig), specsImportsPlugin(context), pagefindUiFiltersPlugin((message) => logger.warn(message))] },
							});
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
