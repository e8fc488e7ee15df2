/**
 * Links from a spec to repository files that are not specs: with the host known (`repoUrl`, or
 * an `editLinkBase` naming the repository and branch) they go to the file's page there, by its
 * path from the repository root; without it they stay as written.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { specLinksPlugin } from '../../src/integration/spec-links.ts';
import { repoFileUrl, repoHost } from '../../src/site/repo-links.ts';
import { specLinkHref } from '../../src/site/spec-links.ts';

describe('repoHost', () => {
	test('repoUrl at HEAD, the default branch; the edit links give their branch', () => {
		expect(repoHost({ repoUrl: 'https://github.com/acme/specs/' })).toEqual({ repoUrl: 'https://github.com/acme/specs', ref: 'HEAD' });
		expect(repoHost({ repoUrl: 'https://github.com/acme/specs', editLinkBase: 'https://github.com/acme/specs/edit/main/' })).toEqual({ repoUrl: 'https://github.com/acme/specs', ref: 'main' });
	});

	test('the edit links alone name the repository too, GitLab’s included', () => {
		expect(repoHost({ editLinkBase: 'https://github.com/acme/mono/edit/release-2/docs/' })).toEqual({ repoUrl: 'https://github.com/acme/mono', ref: 'release-2' });
		const gitlab = repoHost({ editLinkBase: 'https://gitlab.com/acme/specs/-/edit/main/' })!;
		expect(repoFileUrl(gitlab, 'src/retry.ts')).toBe('https://gitlab.com/acme/specs/-/blob/main/src/retry.ts');
	});

	test('no host without repoUrl or an edit link of that form', () => {
		expect(repoHost({})).toBeUndefined();
		expect(repoHost({ editLinkBase: 'https://cms.example.com/specs/' })).toBeUndefined();
	});
});

describe('repoFileUrl', () => {
	const host = { repoUrl: 'https://github.com/acme/specs', ref: 'main' };
	test('`<repoUrl>/blob/<ref>/<path>`, the path encoded, what followed it kept; a folder’s tree', () => {
		expect(repoFileUrl(host, 'docs/adr/0001 queues.md')).toBe('https://github.com/acme/specs/blob/main/docs/adr/0001%20queues.md');
		expect(repoFileUrl(host, 'src/retry.ts', { suffix: '#L10-L12' })).toBe('https://github.com/acme/specs/blob/main/src/retry.ts#L10-L12');
		expect(repoFileUrl(host, 'src/payments', { folder: true })).toBe('https://github.com/acme/specs/tree/main/src/payments');
	});
});

describe('specLinkHref with a repository', () => {
	const seen: [string, string][] = [];
	const repoFile = (path: string, suffix: string) => {
		seen.push([path, suffix]);
		return path.startsWith('missing') ? undefined : `host:${path}${suffix}`;
	};
	const context = { fromPath: 'specs/payments/refunds.md', specsDir: 'specs', base: '/', repoFile };

	test('a file that is not a spec, or a Markdown file outside the specs folder, goes to the host', () => {
		expect(specLinkHref('../../src/retry.ts#L10', context)).toBe('host:src/retry.ts#L10');
		expect(specLinkHref('../../README.md', context)).toBe('host:README.md');
		expect(specLinkHref('../../docs/adr/0001.md?plain=1', context)).toBe('host:docs/adr/0001.md?plain=1');
		expect(specLinkHref('./flow.pdf', context)).toBe('host:specs/payments/flow.pdf');
	});

	test('specs keep their page links; unpublished specs, missing files and external links stay as written', () => {
		expect(specLinkHref('../ledger/idempotency.md', context)).toBe('/specs/ledger/idempotency/');
		expect(specLinkHref('../_drafts/idea.md', context)).toBeUndefined();
		expect(specLinkHref('../../missing.ts', context)).toBeUndefined();
		expect(specLinkHref('https://example.com/a.ts', context)).toBeUndefined();
		expect(specLinkHref('#phase-1', context)).toBeUndefined();
	});
});

describe('specLinksPlugin with a repository', () => {
	// A repository whose specs folder sits in a subfolder: paths on the host start at the repository root.
	const root = mkdtempSync(join(tmpdir(), 'specbook-repo-links-'));
	mkdirSync(join(root, 'site/specs'), { recursive: true });
	mkdirSync(join(root, 'src/payments'), { recursive: true });
	writeFileSync(join(root, 'src/payments/retry.ts'), 'export {};\n');
	const cwd = join(root, 'site');
	const host = { repoUrl: 'https://github.com/acme/mono', ref: 'HEAD' };

	function rewritten(options: Parameters<typeof specLinksPlugin>[0], urls: string[], kind: 'link' | 'definition' = 'link') {
		const instance = specLinksPlugin(options)({ fileURL: new URL(`file://${cwd}/specs/refunds.md`) })!;
		const set: Record<string, string> = {};
		const ctx = { setProperty: (node: { url: string }, _key: string, value: string) => (set[node.url] = value) };
		for (const url of urls) instance[kind]!({ type: kind, url, children: [], identifier: 'x' } as never, ctx as never);
		return set;
	}

	test('an existing file or folder in the repository gets its page; a missing one, or one outside the repository, stays', () => {
		const urls = ['../../src/payments/retry.ts#L3', '../../src/payments/', '../../src/missing.ts', '../../../elsewhere.ts'];
		expect(rewritten({ specsDir: 'specs', base: '/', cwd, repo: { host, root } }, urls)).toEqual({
			'../../src/payments/retry.ts#L3': 'https://github.com/acme/mono/blob/HEAD/src/payments/retry.ts#L3',
			'../../src/payments/': 'https://github.com/acme/mono/tree/HEAD/src/payments',
		});
	});

	test('without a host, as before: file links stay as written', () => {
		expect(rewritten({ specsDir: 'specs', base: '/', cwd }, ['../../src/payments/retry.ts'])).toEqual({});
	});

	test('a reference definition to an image stays, as it may be an image’s source', () => {
		writeFileSync(join(root, 'site/specs/flow.png'), '');
		expect(rewritten({ specsDir: 'specs', base: '/', cwd, repo: { host, root } }, ['./flow.png', '../../src/payments/retry.ts'], 'definition')).toEqual({
			'../../src/payments/retry.ts': 'https://github.com/acme/mono/blob/HEAD/src/payments/retry.ts',
		});
	});
});
