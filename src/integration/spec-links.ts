/**
 * A Sätteri mdast plugin (Astro 7's Markdown and MDX engine) rewriting links between specs to page
 * URLs, for files in the specs folder only. Registered on `markdown.processor`, which the MDX
 * integration inherits, so `.md` and `.mdx` specs get it alike (internals/satteri-mdast-plugins.ts).
 * The rewriting rule itself is src/site/spec-links.ts.
 */
import type { Definition, Link } from 'mdast';
import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { relativePath } from '../core/paths.ts';
import { specLinkHref } from '../site/spec-links.ts';
import { specsFileMatcher } from './specs-files.ts';

export interface SpecLinksOptions {
	/** The specs folder, relative to `cwd`, `/`-separated (the resolved context's). */
	specsDir: string;
	/** Astro's `base`. */
	base: string;
	/** What spec paths are relative to (the resolved context's `cwd`). */
	cwd: string;
}

/** A plugin factory: Sätteri calls it per document and leaves the plugin out where it returns undefined. */
export function specLinksPlugin({ specsDir, base, cwd }: SpecLinksOptions) {
	const specsFile = specsFileMatcher(specsDir, cwd);
	return ({ fileURL }: Pick<PluginFactoryContext, 'fileURL'>): MdastPluginDefinition | undefined => {
		const file = specsFile(fileURL);
		if (file === undefined) return undefined;
		const context = { fromPath: relativePath(cwd, file), specsDir, base };
		const rewrite = (node: Readonly<Link | Definition>, ctx: { setProperty(node: Readonly<Link | Definition>, key: 'url', value: string): void }) => {
			const href = specLinkHref(node.url, context);
			if (href !== undefined) ctx.setProperty(node, 'url', href);
		};
		// `[text](x.md)` and the definitions of reference links (`[text][x]` … `[x]: x.md`).
		return { name: 'specbook-spec-links', link: rewrite, definition: rewrite };
	};
}
