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
import type { AstroConfig } from 'astro';
import { componentSources, inlineScriptHashes } from './internals/starlight-inline-scripts.ts';

/** Astro's `security.csp` option, in its object form. */
type CspOption = Exclude<AstroConfig['security']['csp'], boolean>;
type CspDirective = NonNullable<CspOption['directives']>[number];

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
