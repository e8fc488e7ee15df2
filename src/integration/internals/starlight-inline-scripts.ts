// Relies on Astro emitting `<script is:inline>` bodies verbatim and unhashed, and on Starlight keeping its components as `.astro` sources in its package; if either changes, CSP blocks Starlight's inline scripts (theme, sidebar state, search shortcut).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';

/** A CSP hash source, as Astro's `security.csp` option takes it. */
type CspHash = Extract<NonNullable<NonNullable<Exclude<AstroConfig['security']['csp'], boolean>['scriptDirective']>['hashes']>[number], string>;

/** `sha256-…` of a script's text, as CSP hash sources are written. */
export function scriptHash(text: string): CspHash {
	return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * Hashes of the `<script is:inline>` bodies in `.astro` sources. Astro emits such a body verbatim,
 * so hashing the source text gives the hash of the script the page carries. Scripts with
 * `define:vars` are not verbatim (Astro prepends the variables) and are skipped.
 */
export function inlineScriptHashes(sources: readonly string[]): CspHash[] {
	const hashes = new Set<CspHash>();
	for (const source of sources) {
		for (const match of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gu)) {
			const attributes = match[1] ?? '';
			if (!/\bis:inline\b/u.test(attributes) || /\bdefine:vars\b|\bsrc=/u.test(attributes)) continue;
			hashes.add(scriptHash(match[2] ?? ''));
		}
	}
	return [...hashes].sort();
}

/** The `.astro` sources of Starlight's components and of Specbook's own, where inline scripts live. */
export function componentSources(): string[] {
	const require = createRequire(import.meta.url);
	const starlight = dirname(require.resolve('@astrojs/starlight/components/ThemeProvider.astro'));
	const specbook = fileURLToPath(new URL('../../components/', import.meta.url));
	const sources: string[] = [];
	for (const dir of [starlight, join(starlight, '../user-components'), specbook]) {
		let names: string[];
		try {
			names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
		} catch {
			continue;
		}
		for (const name of names) if (name.endsWith('.astro')) sources.push(readFileSync(join(dir, name), 'utf8'));
	}
	return sources;
}
