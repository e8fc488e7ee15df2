// Relies on Astro passing loaders an undocumented `entryTypes` map that glob() reads to parse and render each file; without this wrapper, a spec with invalid YAML frontmatter stops the build with Astro's error instead of ours, and a body that fails to render is only logged, its page published empty.
import type { LoaderContext } from 'astro/loaders';

/** How Astro reads one file type (not part of Astro's public types, but passed to every loader). */
export interface EntryType {
	getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<unknown>;
	getRenderFunction?(config: unknown): Promise<(params: { id: string; filePath?: string }) => Promise<unknown>>;
	[key: string]: unknown;
}

/** A body that `check` accepted but Astro (or a Starlight plugin) could not render. */
export interface RenderFailure {
	/** The entry's id. */
	id: string;
	/** The entry's file (absolute), when glob() gave one. */
	filePath: string | undefined;
	/** The renderer's words, on one line. */
	reason: string;
}

/** An error in a line: Astro's errors put the detail in their hint (Starlight: "Invalid aside icon" + which icon). */
function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const hint = (error as { hint?: unknown }).hint;
	const detail = typeof hint === 'string' ? hint.split('\n')[0]?.trim() : '';
	return detail ? `${error.message}: ${detail}` : error.message;
}

/** The context Astro actually gives loaders; `glob()` reads `entryTypes` from it. */
export type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

/**
 * Astro parses the frontmatter before our parser sees the file, and throws on invalid YAML. The
 * analysis reports that error with its position, so let Astro carry on with empty frontmatter.
 * A body that fails to render is recorded in `failures` (glob() only logs it).
 */
export function tolerantEntryTypes(context: GlobLoaderContext, failures: RenderFailure[] = []): Map<string, EntryType> {
	const tolerant = new Map<string, EntryType>();
	for (const [extension, entryType] of context.entryTypes) {
		const { getRenderFunction } = entryType;
		tolerant.set(extension, {
			...entryType,
			...(getRenderFunction
				? {
						getRenderFunction: async (config: unknown) => {
							const render = await getRenderFunction(config);
							return async (params: { id: string; filePath?: string }) => {
								try {
									return await render(params);
								} catch (error) {
									failures.push({ id: params.id, filePath: params.filePath, reason: describeError(error) });
									throw error;
								}
							};
						},
					}
				: {}),
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
