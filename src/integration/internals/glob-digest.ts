// Relies on Astro's data store ignoring a set() that repeats an entry's stored digest, and on glob() skipping a file whose stored digest matches: a refreshed entry keeping its digest would not be stored, nor parsed again on the next start.

/** The entry without its digest, so that glob() parses and renders its file again on the next start. */
export function withoutDigest<Entry extends { digest?: unknown }>(entry: Entry): Omit<Entry, 'digest'> {
	const { digest: _digest, ...rest } = entry;
	return rest;
}
