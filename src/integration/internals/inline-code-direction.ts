// Does Starlight's RTL code plugin's job (`dir="auto"` on inline code) earlier, relying on that plugin skipping a `<code>` with `dir`; if the rule changes, specs' inline code differs from Starlight's or is walked twice.
/**
 * A Sätteri mdast plugin giving inline code in specs `dir="auto"`, as Starlight does, but before
 * Markdown becomes HTML.
 *
 * Starlight marks inline code `dir="auto"` (so right-to-left text inside reads correctly) with an
 * HTML-tree plugin that, for every `<code>`, walks up its ancestors to tell inline code from a
 * code block's. Each step up builds the parent node in JavaScript: at 5,000 specs that walk was a
 * quarter of all Markdown rendering (CPU profile of `astro sync`). In the Markdown tree, inline
 * code is its own node type, so the attribute is set here without a walk; Starlight's plugin then
 * sees it and leaves the element alone. The HTML is the same.
 */
import type { InlineCode } from 'mdast';
import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { specsFileMatcher } from '../specs-files.ts';

/** Which files the plugin applies to. */
export interface InlineCodeDirectionOptions {
	/** The specs folder, relative to `cwd`. */
	specsDir: string;
	/** What `specsDir` is relative to (the resolved context's `cwd`). */
	cwd: string;
}

/** A plugin factory: Sätteri calls it per document and leaves the plugin out where it returns undefined. */
export function inlineCodeDirectionPlugin({ specsDir, cwd }: InlineCodeDirectionOptions) {
	const specsFile = specsFileMatcher(specsDir, cwd);
	return ({ fileURL }: Pick<PluginFactoryContext, 'fileURL'>): MdastPluginDefinition | undefined => {
		if (specsFile(fileURL) === undefined) return undefined;
		return {
			name: 'specbook-inline-code-direction',
			inlineCode(node: Readonly<InlineCode>, ctx: { setProperty(node: Readonly<InlineCode>, key: 'data', value: Record<string, unknown>): void }) {
				const data = (node.data ?? {}) as { hName?: string; hProperties?: Record<string, unknown> };
				const hProperties = data.hProperties ?? {};
				// Another plugin chose the element (`<kbd>`, say) or its direction: not Starlight's case.
				if (data.hName !== undefined || 'dir' in hProperties) return;
				ctx.setProperty(node, 'data', { ...data, hProperties: { ...hProperties, dir: 'auto' } });
			},
		};
	};
}
