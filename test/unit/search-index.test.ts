/**
 * The search index step Specbook puts in place of Starlight's (src/integration/internals/search-index.ts):
 * what Pagefind's command is run with, what it leaves behind, and how it fails. Whether the index
 * is the one Starlight would build is test/integration/search-index-parity.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, pagefindEnvironment, replaceStarlightIndexing } from '../../src/integration/internals/search-index.ts';
import { pagefindFragments } from '../helpers/pagefind.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A built site of two pages, one marked for search, and a cache folder beside it. */
function builtSite(): { outDir: string; cacheDir: string } {
	const root = mkdtempSync(join(tmpdir(), 'specbook-search-index-'));
	dirs.push(root);
	const outDir = join(root, 'dist');
	mkdirSync(join(outDir, 'specs/retry'), { recursive: true });
	writeFileSync(
		join(outDir, 'specs/retry/index.html'),
		'<!DOCTYPE html><html lang="en"><head><title>Retry</title><style>body{margin:0}</style></head><body><nav>Sidebar words</nav>' +
			'<main data-pagefind-body><h1>Retry policy</h1><p data-pagefind-filter="status">Approved</p><p>Exponential backoff with jitter.</p></main></body></html>'
	);
	writeFileSync(join(outDir, 'index.html'), '<!DOCTYPE html><html lang="en"><head><title>Specs</title></head><body><main><h1>All specs</h1></main></body></html>');
	return { outDir, cacheDir: join(root, 'cache') };
}

const quiet = { info: () => {} };

describe('buildSearchIndex', () => {
	it("indexes the marked pages into the site's pagefind/ folder and removes its working copy", async () => {
		const { outDir, cacheDir } = builtSite();
		const said: string[] = [];
		await buildSearchIndex(outDir, { info: (message) => said.push(message) }, cacheDir);
		const fragments = [...pagefindFragments(join(outDir, 'pagefind')).values()];
		expect(fragments.map(({ url, filters, content }) => ({ url, filters, content }))).toEqual([
			{ url: '/specs/retry/', filters: { status: ['Approved'] }, content: 'Retry policy. Approved. Exponential backoff with jitter.' },
		]);
		expect(said).toContain('Found 2 HTML files, 1 of them marked for search.');
		expect(readdirSync(cacheDir)).toEqual([]);
	});

	it("fails with Pagefind's own words when Pagefind fails, and leaves no working copy behind", async () => {
		const { outDir, cacheDir } = builtSite();
		const saved = process.env['PAGEFIND_EXTENDED_BINARY_PATH'];
		// The `pagefind` package runs the binary this variable names: one that fails at once.
		process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = '/bin/false';
		try {
			await expect(buildSearchIndex(outDir, quiet, cacheDir)).rejects.toThrow(/^Pagefind could not build the search index \(exit code 1\)/u);
		} finally {
			if (saved === undefined) delete process.env['PAGEFIND_EXTENDED_BINARY_PATH'];
			else process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = saved;
		}
		expect(readdirSync(cacheDir)).toEqual([]);
		expect(existsSync(join(outDir, 'pagefind'))).toBe(false);
	});
});

describe('pagefindEnvironment', () => {
	it("passes the tuning and the binary's location, and none of the PAGEFIND_ settings Starlight's run ignored", () => {
		const env = pagefindEnvironment({
			PATH: '/usr/bin',
			PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '2000',
			PAGEFIND_BINARY_PATH: '/opt/pagefind',
			PAGEFIND_SERVE: 'true',
			PAGEFIND_WRITE_PLAYGROUND: 'true',
			PAGEFIND_EXCLUDE_SELECTORS: '["nav"]',
			_RJEM_MALLOC_CONF: 'background_thread:true',
		});
		expect(env).toEqual({ PATH: '/usr/bin', PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '2000', PAGEFIND_BINARY_PATH: '/opt/pagefind', _RJEM_MALLOC_CONF: 'background_thread:true' });
	});
});

describe('replaceStarlightIndexing', () => {
	/** An integration shaped as Starlight's: its build:done hook runs its Pagefind step, which forks the logger first, unless search is off. */
	function starlightLike(searchOn: boolean, ran: string[]): AstroIntegration {
		const starlightPagefind = async ({ logger }: { logger: AstroIntegrationLogger }) => {
			logger.fork('starlight:pagefind');
			ran.push('starlight indexed');
		};
		return {
			name: '@astrojs/starlight',
			hooks: {
				'astro:build:done': async (options) => {
					if (!searchOn) return;
					return starlightPagefind(options);
				},
			},
		};
	}
	const logger = { fork: () => quiet, info: () => {} } as unknown as AstroIntegrationLogger;

	it("indexes in place of Starlight, and only when Starlight's own hook would (search off, or pages rendered on demand: not at all)", async () => {
		for (const searchOn of [true, false]) {
			const { outDir, cacheDir } = builtSite();
			const ran: string[] = [];
			const starlight = starlightLike(searchOn, ran);
			expect(replaceStarlightIndexing([starlight], cacheDir)).toBe(true);
			await starlight.hooks['astro:build:done']!({ dir: pathToFileURL(`${outDir}/`), logger } as never);
			expect(ran).toEqual([]);
			expect(existsSync(join(outDir, 'pagefind/pagefind-entry.json'))).toBe(searchOn);
		}
	});
});
