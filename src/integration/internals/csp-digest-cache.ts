// Relies on Astro hashing pages' inline styles and scripts with `generateCspDigest(data, algorithm)` from astro/dist/core/encryption.js; if it is renamed or moves, every page hashes them again, as by default (the upgrade test fails).
/**
 * Astro's content security policy makes every prerendered page hash the inline styles and scripts
 * of its head, the same strings on every page of a route, one WebCrypto digest each: at 5,000
 * specs the largest single cost of the render phase after rendering itself. Each distinct string
 * is now hashed once per build; the policy is the same.
 */

import { modulePatchPlugin } from './module-patch.ts';

/** Astro's module that defines the digest. */
const ENCRYPTION_MODULE = /[\\/]astro[\\/]dist[\\/]core[\\/]encryption\.js$/u;

/** The digest's definition in that module, exported there since Astro 7.4 (`export async function`). */
export const CSP_DIGEST_DEFINITION = /(export )?async function generateCspDigest\(data, algorithm\) \{/u;

/** The module with `generateCspDigest` answering each (algorithm, string) from its first result; the code unchanged when it has none. */
export function withCachedCspDigests(code: string): string {
	return code.replace(CSP_DIGEST_DEFINITION, (_, exported: string | undefined) =>
		[
			'const specbookCspDigests = new Map();',
			// Exported as the original was: the caching function takes its place.
			`${exported ?? ''}function generateCspDigest(data, algorithm) {`,
			'\tlet digests = specbookCspDigests.get(algorithm);',
			'\tif (!digests) specbookCspDigests.set(algorithm, (digests = new Map()));',
			'\tlet digest = digests.get(data);',
			'\tif (!digest) digests.set(data, (digest = specbookUncachedCspDigest(data, algorithm)));',
			'\treturn digest;',
			'}',
			'async function specbookUncachedCspDigest(data, algorithm) {',
		].join('\n'),
	);
}

/** A Vite plugin applying withCachedCspDigests() to Astro's module; `warn` is told when the definition is not found. */
export const cspDigestCachePlugin = (warn: (message: string) => void) =>
	modulePatchPlugin({
		name: 'specbook:csp-digest-cache',
		module: ENCRYPTION_MODULE,
		patch: withCachedCspDigests,
		warning: 'Astro no longer defines generateCspDigest where Specbook expects: every page hashes its inline styles and scripts again, which slows large builds.',
		warn,
	});
