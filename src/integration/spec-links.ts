/**
 * A Sätteri mdast plugin (Astro 7's Markdown and MDX engine) rewriting links between specs to page
 * URLs, and links to other repository files to their pages on the repository host, for files in
 * the specs folder only. Registered on `markdown.processor`, which the MDX integration inherits, so
 * `.md` and `.mdx` specs get it alike (internals/satteri-mdast-plugins.ts). The rewriting rules
 * themselves are src/site/spec-links.ts and src/site/repo-links.ts. In an imported spec, a link to
 * a file that does not exist (broken in its source already) is replaced by its text, and such an
 * image by its alt text (src/site/dead-links.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Definition, Image, Link } from 'mdast';
import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { relativePath } from '../core/paths.ts';
import { isDeadLink, isImportedPage } from '../site/dead-links.ts';
import { repoFileUrl, type RepoHost } from '../site/repo-links.ts';
import { specLinkHref } from '../site/spec-links.ts';
import { specsFileMatcher } from './specs-files.ts';

export interface SpecLinksOptions {
	/** The specs folder, relative to `cwd`, `/`-separated (the resolved context's). */
	specsDir: string;
	/** Astro's `base`. */
	base: string;
	/** What spec paths are relative to (the resolved context's `cwd`). */
	cwd: string;
	/** Where repository files are shown, and the repository's root folder (absolute); no file links without it. */
	repo?: { host: RepoHost; root: string } | undefined;
}

// A definition may serve an image (`![Flow][flow]`): an image's file is not sent to its page on the host.
const IMAGE = /\.(?:png|jpe?g|gif|svg|webp|avif)(?:[?#]|$)/iu;

/** A plugin factory: Sätteri calls it per document and leaves the plugin out where it returns undefined. */
export function specLinksPlugin({ specsDir, base, cwd, repo }: SpecLinksOptions) {
	const specsFile = specsFileMatcher(specsDir, cwd);
	const repoFile = repo && repositoryFiles(repo, cwd);
	return ({ fileURL, data }: Pick<PluginFactoryContext, 'fileURL'> & Partial<Pick<PluginFactoryContext, 'data'>>): MdastPluginDefinition | undefined => {
		const file = specsFile(fileURL);
		if (file === undefined) return undefined;
		const context = { fromPath: relativePath(cwd, file), specsDir, base };
		const imported = isImportedPage((data as { astro?: { frontmatter?: unknown } } | undefined)?.astro?.frontmatter);
		const exists = (path: string) => existsSync(resolve(cwd, path));
		type Context = Parameters<NonNullable<MdastPluginDefinition['link']>>[1];
		const rewrite = (node: Readonly<Link | Definition>, ctx: Pick<Context, 'setProperty'>) => {
			const href = specLinkHref(node.url, { ...context, repoFile: node.type === 'definition' && IMAGE.test(node.url) ? undefined : repoFile });
			if (href !== undefined) ctx.setProperty(node, 'url', href);
		};
		const link = (node: Readonly<Link>, ctx: Context) => {
			if (imported && isDeadLink(node.url, context.fromPath, exists)) ctx.replaceNode(node, [...node.children]);
			else rewrite(node, ctx);
		};
		// An image that is not there would fail the build: its alt text stands in for it.
		const image = (node: Readonly<Image>, ctx: Context) => {
			if (imported && isDeadLink(node.url, context.fromPath, exists)) ctx.replaceNode(node, node.alt ? [{ type: 'text', value: node.alt }] : []);
		};
		// `[text](x.md)` and the definitions of reference links (`[text][x]` … `[x]: x.md`).
		return { name: 'specbook-spec-links', link, image, definition: rewrite };
	};
}

/** A repository file's page, for a path relative to `cwd` that exists inside the repository. */
function repositoryFiles({ host, root }: { host: RepoHost; root: string }, cwd: string) {
	return (path: string, suffix: string): string | undefined => {
		const absolute = resolve(cwd, path);
		const inRepository = relativePath(root, absolute);
		if (inRepository === '..' || inRepository.startsWith('../') || inRepository.startsWith('/')) return undefined;
		// A missing file stays as written: `check` reports it.
		const stats = statSync(absolute, { throwIfNoEntry: false });
		return stats ? repoFileUrl(host, inRepository, { folder: stats.isDirectory(), suffix }) : undefined;
	};
}
