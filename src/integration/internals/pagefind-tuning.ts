/**
 * Settings for the Pagefind indexer run at the end of a build, by ./search-index.ts or, should that
 * step not apply, by Starlight. Either runs Pagefind's binary as a child process, which inherits
 * this process's environment: environment variables reach it either way. A variable the user has
 * set is left as it is.
 */

/**
 * The settings, with why each is worth having (figures from `npm run bench`). Pagefind's memory
 * settings stay its own: returning freed memory at once cut its peak by a seventh but, on a
 * machine where giving pages back is dear, nearly doubled its time.
 */
export const PAGEFIND_ENVIRONMENT = {
	/**
	 * How many word positions go into one file of the index (Pagefind's default is 20,000). A query
	 * fetches the files holding its words, so smaller files mean fewer bytes fetched for words that
	 * happen to share a file with frequent ones; each file adds a few bytes to the page list every
	 * search loads first. Measured again for issue 15 on one 5,000-spec build indexed both ways: the
	 * first query fetched 217 KB against 233 KB on average over four words (retry: 235 against 282,
	 * above the Hugo baseline's 245), and indexing took no longer (20.3 against 20.5 s).
	 * Pagefind calls this setting unstable: if it goes away, the index is simply chunked as before.
	 */
	PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '2000',
} as const;

/** Sets in `env` the settings of PAGEFIND_ENVIRONMENT that it does not already have. */
export function tunePagefind(env: NodeJS.ProcessEnv): void {
	for (const [name, value] of Object.entries(PAGEFIND_ENVIRONMENT)) env[name] ??= value;
}
