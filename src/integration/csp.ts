/**
 * The Content-Security-Policy every page carries, through Astro's built-in support
 * (`security.csp`): Astro puts a `<meta http-equiv="content-security-policy">` in each page with
 * the hashes of the scripts and styles it bundles or inlines. What Astro cannot know is added here:
 * - Starlight's `<script is:inline>` snippets (theme, search shortcut, sidebar state), which Astro
 *   does not hash: hashed from Starlight's own component sources, so an upgrade stays covered
 *   (and any in src/components the same way);
 * - Pagefind compiles WebAssembly (`'wasm-unsafe-eval'`) and fetches its index (`connect-src`);
 * - the timeline bars and Starlight's table of contents position elements with `style`
 *   attributes (`style-src-attr 'unsafe-inline'`; styles cannot run script).
 * Scripts never get `'unsafe-inline'`: spec text cannot run script even if it slipped past `check`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';

/** Astro's `security.csp` option, in its object form. */
type CspOption = Exclude<AstroConfig['security']['csp'], boolean>;
type CspDirective = NonNullable<CspOption['directives']>[number];
type CspHash = Extract<NonNullable<NonNullable<CspOption['scriptDirective']>['hashes']>[number], string>;

/** The directives besides `script-src` and `style-src`, which Astro writes itself. */
export const CSP_DIRECTIVES: CspDirective[] = [
	"default-src 'self'",
	// Images of the site and spec diagrams in the repository; `data:` for Starlight's inline icons.
	"img-src 'self' data:",
	"font-src 'self'",
	// Pagefind fetches its index and WebAssembly from the site.
	"connect-src 'self'",
	"worker-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
];

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
function componentSources(): string[] {
	const require = createRequire(import.meta.url);
	const starlight = dirname(require.resolve('@astrojs/starlight/components/ThemeProvider.astro'));
	const specbook = fileURLToPath(new URL('../components/', import.meta.url));
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

/** Astro's `security.csp` option for a Specbook site. */
export function specbookCsp(sources: readonly string[] = componentSources()): CspOption {
	return {
		algorithm: 'SHA-256',
		directives: CSP_DIRECTIVES,
		scriptDirective: {
			resources: ["'self'", "'wasm-unsafe-eval'"],
			hashes: inlineScriptHashes(sources),
		},
		styleDirective: {
			resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
		},
	};
}
