/** The Content-Security-Policy option: Starlight's inline scripts hashed, no inline script otherwise. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { specbookCsp } from '../../src/integration/csp.ts';
import { componentSources, inlineScriptHashes, scriptHash } from '../../src/integration/internals/starlight-inline-scripts.ts';
import { SpecbookConfigSchema } from '../../src/integration/config.ts';

describe('inlineScriptHashes', () => {
	test('hashes each is:inline body exactly as written, once', () => {
		const body = "\n\tconsole.log('theme');\n";
		const source = `<div /><script is:inline>${body}</script>\n<script is:inline aria-hidden="true">${body}</script>`;
		expect(inlineScriptHashes([source])).toEqual([scriptHash(body)]);
		// The well-known hash of the empty string, as browsers compute it.
		expect(scriptHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
	});

	test('skips scripts Astro bundles (hashed by Astro itself), external ones and define:vars', () => {
		const source = [
			'<script>import "./a.ts";</script>',
			'<script is:inline src="/x.js"></script>',
			'<script is:inline define:vars={{ a }}>console.log(a)</script>',
		].join('\n');
		expect(inlineScriptHashes([source])).toEqual([]);
	});
});

describe('componentSources', () => {
	test('reads Specbook’s own components too, so an inline script added there is covered', () => {
		const badge = readFileSync(new URL('../../src/components/StatusBadge.astro', import.meta.url), 'utf8');
		expect(componentSources()).toContain(badge);
	});
});

describe('specbookCsp', () => {
	const csp = specbookCsp();

	test('covers Starlight’s inline theme script, read from Starlight itself', () => {
		const provider = readFileSync(new URL('../../node_modules/@astrojs/starlight/dist/components/ThemeProvider.astro', import.meta.url), 'utf8');
		const body = /<script is:inline>([\s\S]*?)<\/script>/.exec(provider)?.[1] ?? '';
		expect(body).toContain('StarlightThemeProvider');
		expect(csp.scriptDirective?.hashes).toContain(scriptHash(body));
	});

	test('never allows inline script, only hashes; Pagefind’s WebAssembly is allowed', () => {
		expect(csp.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(JSON.stringify(csp)).not.toMatch(/script[^"]*"[^\]]*unsafe-inline/);
		expect(csp.directives).toEqual(expect.arrayContaining(["default-src 'self'", "img-src 'self' data:", "object-src 'none'"]));
	});

	test('is on unless the site turns it off', () => {
		expect(SpecbookConfigSchema.parse({}).csp).toBe(true);
		expect(SpecbookConfigSchema.parse({ csp: false }).csp).toBe(false);
	});
});
