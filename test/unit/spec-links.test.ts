/** Links between specs become page URLs; everything else is left as written. */
import { describe, expect, test } from 'vitest';
import { specLinksPlugin } from '../../src/integration/spec-links.ts';
import { specLinkHref } from '../../src/site/spec-links.ts';

const from = (fromPath: string, base = '/', specsDir = 'specs') => ({ fromPath, specsDir, base });

describe('specLinkHref', () => {
	test('a relative link to another spec becomes its page URL, the fragment kept as written', () => {
		expect(specLinkHref('../ledger/idempotency.md', from('specs/payments/refunds.md'))).toBe('/specs/ledger/idempotency/');
		expect(specLinkHref('../ledger/idempotency.md#phase-2', from('specs/payments/refunds.md'))).toBe('/specs/ledger/idempotency/#phase-2');
		expect(specLinkHref('./retry-v1.md', from('specs/payments/retry-v2.md'))).toBe('/specs/payments/retry-v1/');
		expect(specLinkHref('retry-v1.md?plain=1#a%20b', from('specs/payments/retry-v2.md'))).toBe('/specs/payments/retry-v1/#a%20b');
	});

	test('.mdx targets, upper-case folders (ids are lower-case) and the base path', () => {
		expect(specLinkHref('../identity/passkeys.mdx', from('specs/payments/refunds.md', '/docs/'))).toBe('/docs/specs/identity/passkeys/');
		expect(specLinkHref('Platform/Mesh.md', from('specs/index.md'))).toBe('/specs/platform/mesh/');
	});

	test('works with a specs folder elsewhere (SPECS_DIR)', () => {
		expect(specLinkHref('../b/c.md', from('../elsewhere/a/x.md', '/', '../elsewhere'))).toBe('/specs/b/c/');
		expect(specLinkHref('b.md', from('x.md', '/', '.'))).toBe('/specs/b/');
	});

	test('leaves external links, anchors, other files and unpublished or outside specs alone', () => {
		const context = from('specs/payments/refunds.md');
		for (const url of [
			'https://example.com/a.md',
			'mailto:a@b.c',
			'#phase-1',
			'/specs/ledger/idempotency/',
			'../diagram.png',
			'../_drafts/idea.md',
			'./_template.md',
			'../../README.md',
			'',
		]) {
			expect(specLinkHref(url, context), url).toBeUndefined();
		}
	});
});

describe('specLinksPlugin', () => {
	const plugin = specLinksPlugin({ specsDir: 'specs', base: '/', cwd: '/repo' });

	test('applies to files in the specs folder only', () => {
		expect(plugin({ fileURL: new URL('file:///repo/specs/a.md') })).toMatchObject({ name: 'specbook-spec-links' });
		expect(plugin({ fileURL: new URL('file:///repo/src/content/docs/guide/index.md') })).toBeUndefined();
		expect(plugin({ fileURL: new URL('file:///repo/specs-old/a.md') })).toBeUndefined();
		expect(plugin({ fileURL: undefined })).toBeUndefined();
	});

	test('sets the url of links and reference definitions', () => {
		const instance = plugin({ fileURL: new URL('file:///repo/specs/payments/refunds.md') })!;
		const set: [string, string][] = [];
		const ctx = { setProperty: (node: { url: string }, key: string, value: string) => set.push([node.url, `${key}=${value}`]) };
		instance.link!({ type: 'link', url: '../ledger/idempotency.md#p', children: [] }, ctx as never);
		instance.link!({ type: 'link', url: 'https://astro.build/', children: [] }, ctx as never);
		instance.definition!({ type: 'definition', identifier: 'x', url: '../identity/passkeys.mdx' }, ctx as never);
		expect(set).toEqual([
			['../ledger/idempotency.md#p', 'url=/specs/ledger/idempotency/#p'],
			['../identity/passkeys.mdx', 'url=/specs/identity/passkeys/'],
		]);
	});
});
