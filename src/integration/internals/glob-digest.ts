// Relies on glob() skipping a file only when the stored entry's `digest` equals the file's; if it skips on something else, an entry refreshed from cache is not parsed again on the next start and keeps stale findings.

/** The entry without its digest, so that glob() parses and renders its file again on the next start. */
export function withoutDigest<Entry extends { digest?: unknown }>(entry: Entry): Omit<Entry, 'digest'> {
	const { digest: _digest, ...rest } = entry;
	return rest;
}
