// Relies on Astro passing loaders an undocumented `entryTypes` map that glob() reads to parse each file; without this wrapper, a spec with invalid YAML frontmatter stops the build with Astro's error instead of ours.
import type { LoaderContext } from 'astro/loaders';

/** How Astro reads one file type (not part of Astro's public types, but passed to every loader). */
export interface EntryType {
	getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<unknown>;
	[key: string]: unknown;
}

/** The context Astro actually gives loaders; `glob()` reads `entryTypes` from it. */
export type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

/**
 * Astro parses the frontmatter before our parser sees the file, and throws on invalid YAML. The
 * analysis reports that error with its position, so let Astro carry on with empty frontmatter.
 */
export function tolerantEntryTypes(context: GlobLoaderContext): Map<string, EntryType> {
	const tolerant = new Map<string, EntryType>();
	for (const [extension, entryType] of context.entryTypes) {
		tolerant.set(extension, {
			...entryType,
			getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
				try {
					return await entryType.getEntryInfo(params);
				} catch {
					return { data: {}, body: params.contents, slug: '', rawData: '' };
				}
			},
		});
	}
	return tolerant;
}
