// Relies on Astro's Sätteri processor (`name: 'satteri'`) reading `options.mdastPlugins` when it creates its renderers, for Markdown and MDX alike; if that changes, links between specs stay as written and inline code loses its early `dir`.

/** Sätteri is Astro 7's default processor; `name` is how @astrojs/markdown-satteri tells it apart. */
export function isSatteriProcessor(processor: unknown): processor is { options: { mdastPlugins: unknown[] } } {
	return (processor as { name?: unknown } | undefined)?.name === 'satteri' && Array.isArray((processor as { options?: { mdastPlugins?: unknown } }).options?.mdastPlugins);
}

/**
 * Appends `plugins` to the mdast plugins of Astro's `markdown.processor`, which the MDX
 * integration inherits. Returns false, adding nothing, when the processor is not Sätteri.
 */
export function addMdastPlugins(processor: unknown, plugins: readonly unknown[]): boolean {
	if (!isSatteriProcessor(processor)) return false;
	processor.options.mdastPlugins.push(...plugins);
	return true;
}
