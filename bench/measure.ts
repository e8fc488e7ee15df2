/**
 * What the benchmark measures and how: a child process's wall time, CPU time and peak RSS (with
 * its output lines timestamped, to split a build into phases), the size of a built site, and the
 * bytes a first search query fetches in headless Chromium.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { sampleProcessTree, type TreeSample } from './process-tree.ts';
import { resolveChromium } from '../test/helpers/chromium.ts';
import { parseHistoryTiming } from '../src/content/analysis.ts';

/** One timed child process. */
export interface ProcessUsage {
	/** Wall-clock time, ms. */
	wallMs: number;
	/**
	 * User + system CPU time of the child and its descendants, ms: the larger of GNU time's figure
	 * (everything waited for) and the sum sampled from /proc (everything seen running).
	 */
	cpuMs: number;
	/** Largest resident set of any process in the tree, MB; null when it could not be read. */
	peakRssMb: number | null;
	/** Peak resident set per command name in the tree (./process-tree.ts), MB; null off Linux. */
	peakRssMbByCommand: Record<string, number> | null;
	exitCode: number;
	/** Output lines, each with the ms since the start when it was printed and the stream it came from. */
	lines: { ms: number; text: string; stream: 'stdout' | 'stderr' }[];
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `command args…` and measures it. With GNU time (Debian package `time`), CPU and peak RSS
 * come from its report (which covers every descendant the child waited for); without it, bash's
 * `times` gives the CPU time. On Linux, samples of the process tree (./process-tree.ts) add the
 * descendants nobody waited for; each figure is the larger of the two.
 */
export async function timeProcess(
	command: string,
	args: readonly string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: ((line: string) => void) | undefined } = {}
): Promise<ProcessUsage> {
	const scratch = mkdtempSync(join(tmpdir(), 'specbook-time-'));
	const report = join(scratch, 'usage');
	const gnu = existsSync(GNU_TIME);
	const [file, argv] = gnu
		? [GNU_TIME, ['-f', '%e %U %S %M', '-o', report, command, ...args]]
		: ['bash', ['-c', `"$@"; code=$?; times > "${report}"; exit $code`, 'bash', command, ...args]];
	const started = performance.now();
	// A NODE_ENV inherited from a test runner (`test`) would make Astro build a development-like site.
	const { NODE_ENV: _inherited, ...inherited } = process.env;
	const child = spawn(file, argv, {
		cwd: options.cwd,
		env: { ...inherited, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const lines: ProcessUsage['lines'] = [];
	const collect = (input: NodeJS.ReadableStream, stream: 'stdout' | 'stderr') =>
		new Promise<void>((resolve) => {
			const reader = createInterface({ input });
			reader.on('line', (text) => {
				lines.push({ ms: Math.round(performance.now() - started), text, stream });
				options.echo?.(text);
			});
			reader.on('close', resolve);
		});
	const outputs = Promise.all([collect(child.stdout!, 'stdout'), collect(child.stderr!, 'stderr')]);
	const sampler = child.pid === undefined ? undefined : sampleProcessTree(child.pid);
	let sampled: TreeSample | null = null;
	let exitCode: number;
	try {
		exitCode = await new Promise<number>((resolve, reject) => {
			child.on('error', reject);
			child.on('close', (code) => resolve(code ?? 1));
		});
		await outputs;
	} finally {
		sampled = sampler?.stop() ?? null;
	}
	const wallMs = Math.round(performance.now() - started);
	const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
	rmSync(scratch, { recursive: true, force: true });
	if (gnu) {
		// GNU time prints "Command exited with non-zero status N" before the figures on failure.
		const figures = text.trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
		const [, user = 0, system = 0, rssKb] = figures;
		const reportedRssMb = rssKb ? Math.round(rssKb / 1024) : null;
		return {
			wallMs,
			cpuMs: Math.max(Math.round((user + system) * 1000), sampled?.cpuMs ?? 0),
			peakRssMb: reportedRssMb === null && !sampled ? null : Math.max(reportedRssMb ?? 0, sampled?.peakRssMb ?? 0),
			peakRssMbByCommand: sampled?.peakRssMbByCommand ?? null,
			exitCode,
			lines,
		};
	}
	// `times`: the shell's own times, then its children's: "0m1.234s 0m0.567s".
	const children = text.trim().split('\n').at(-1) ?? '';
	const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/gu)].reduce((sum, match) => sum + Number(match[1]) * 60 + Number(match[2]), 0);
	return { wallMs, cpuMs: Math.max(Math.round(seconds * 1000), sampled?.cpuMs ?? 0), peakRssMb: sampled?.peakRssMb ?? null, peakRssMbByCommand: sampled?.peakRssMbByCommand ?? null, exitCode, lines };
}

/** Where a build spends its time, from the moments its log lines appeared (ms). */
export interface BuildPhases {
	/** From start to "Synced content": config, integrations, the content layer. */
	contentMs: number | null;
	/** From "Synced content" to the first rendered route: types, Vite bundling. */
	bundleMs: number | null;
	/** Rendering the pages ("generating static routes" to its "Completed"). */
	renderMs: number | null;
	/** Pagefind, when the build runs it ("Building search index" to "Finished"). */
	pagefindMs: number | null;
	/** Specbook's git read (git log and parsing), when the specs are in a repository (its own log line). */
	historyMs: number | null;
	/** How much of it the content layer waited for, after reading and analysing the specs. */
	historyWaitedMs: number | null;
}

/** Splits an `astro build` log into phases by its landmark lines. */
export function astroBuildPhases(lines: ProcessUsage['lines']): BuildPhases {
	const at = (pattern: RegExp, from = 0) => lines.find((line, index) => index >= from && pattern.test(line.text));
	const synced = at(/\[content\] Synced content/u);
	const generating = at(/generating static routes/u);
	const generatingIndex = generating ? lines.indexOf(generating) : 0;
	const rendered = generating ? at(/✓ Completed in/u, generatingIndex + 1) : undefined;
	const pagefindStart = at(/Building search index/u);
	const pagefindEnd = at(/Finished building search index/u);
	const span = (a?: { ms: number }, b?: { ms: number }) => (a && b ? b.ms - a.ms : null);
	const history = lines.map((line) => parseHistoryTiming(line.text)).find(Boolean);
	return {
		historyMs: history?.readMs ?? null,
		historyWaitedMs: history?.waitedMs ?? null,
		contentMs: synced?.ms ?? null,
		bundleMs: span(synced, generating),
		renderMs: span(generating, rendered),
		pagefindMs: span(pagefindStart, pagefindEnd),
	};
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
export function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Total bytes of the files under `dir` (0 when it does not exist). */
export function dirBytes(dir: string): number {
	return listFiles(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
}

/** The largest `index.html` under `dir` whose path (relative to it) passes `filter`. */
export function largestHtml(dir: string, filter: (path: string) => boolean = () => true): { path: string; bytes: number } | null {
	let best: { path: string; bytes: number } | null = null;
	for (const file of listFiles(dir)) {
		if (!file.endsWith('index.html') || !filter(file)) continue;
		const bytes = statSync(join(dir, file)).size;
		if (!best || bytes > best.bytes) best = { path: file, bytes };
	}
	return best;
}

/** An HTML page as a reader's browser gets it: bytes, gzipped bytes, and how many table rows, spec cards and timeline bars it lists. */
export interface PageWeight {
	path: string;
	bytes: number;
	gzipBytes: number;
	rows: number;
}

/** Table rows, spec cards and timeline bars in a page's HTML: what grows with the registry on an index page. */
export function countRows(html: string): number {
	const tableRows = html.match(/<tr[\s>]/gu)?.length ?? 0;
	const cards = html.match(/<li class="spec-card/gu)?.length ?? 0;
	const bars = [...html.matchAll(/<ol class="tl-phases">([\s\S]*?)<\/ol>/gu)].reduce((sum, match) => sum + (match[1]!.match(/<li[\s>]/gu)?.length ?? 0), 0);
	return tableRows + cards + bars;
}

/**
 * The heaviest HTML pages of a built site: the largest gzipped (only pages whose raw size could
 * beat it are compressed) and the one listing the most rows (countRows()).
 */
export function heaviestPages(dir: string): { largest: PageWeight; mostRows: PageWeight } | null {
	const pages = listFiles(dir)
		.filter((file) => file.endsWith('.html'))
		.map((path) => ({ path, bytes: statSync(join(dir, path)).size }))
		.sort((a, b) => b.bytes - a.bytes);
	let largest: PageWeight | null = null;
	let mostRows: PageWeight | null = null;
	for (const page of pages) {
		const html = readFileSync(join(dir, page.path));
		const rows = countRows(html.toString('utf8'));
		const weigh = () => ({ ...page, gzipBytes: gzipSync(html).length, rows });
		if (!largest || page.bytes > largest.gzipBytes) {
			const weighed = weigh();
			if (!largest || weighed.gzipBytes > largest.gzipBytes) largest = weighed;
		}
		if (!mostRows || rows > mostRows.rows) mostRows = weigh();
	}
	return largest && mostRows ? { largest, mostRows } : null;
}

/** Bytes of `dir/relativePath`, or null when there is no such file. */
export function fileBytes(dir: string, relativePath: string): number | null {
	const file = join(dir, relativePath);
	return existsSync(file) ? statSync(file).size : null;
}

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
};

/** Types a static host compresses; Pagefind's own files (index, fragments, wasm) are gzipped already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml']);

/**
 * A static file server for `root` on 127.0.0.1 and a free port. Like GitHub Pages or Netlify, it
 * gzips text files for browsers that accept it, so transfer sizes are those a reader would see.
 */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
	const server: Server = createServer((request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		let file = normalize(join(root, pathname));
		if (!file.startsWith(normalize(root))) {
			response.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) {
			response.writeHead(404).end('not found');
			return;
		}
		const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
		if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/u.test(String(request.headers['accept-encoding'] ?? ''))) {
			const body = gzipSync(readFileSync(file));
			response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'accept-encoding' });
			response.end(body);
			return;
		}
		response.writeHead(200, { 'content-type': type, 'content-length': statSync(file).size });
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** What a first search query cost the browser. */
export interface FirstQuery {
	/** Bytes transferred (gzip where a host would use it) for every request under /pagefind/, from page load until the results settled. */
	bytes: number;
	/** The same responses decoded. */
	decodedBytes: number;
	requests: number;
	/** Transfer bytes by file, with hashes and chunk names folded (`index/*`, `fragment/*`). */
	byFile: Record<string, number>;
	/** Results the search showed. */
	results: number;
}

/**
 * Loads `page` of the site in `root`, runs one search for `query` the way a reader does, and adds
 * up what was fetched from /pagefind/. `ui` says which search UI the page has: Starlight's dialog
 * (opened from the header button) or a Pagefind UI already on the page.
 */
export async function measureFirstQuery(root: string, options: { page: string; ui: 'starlight' | 'pagefind-ui'; query: string }): Promise<FirstQuery> {
	const { chromium } = await import('playwright-core');
	const { executablePath } = await resolveChromium();
	const server = await serveStatic(root);
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
	});
	try {
		const page = await browser.newPage();
		let bytes = 0;
		let decodedBytes = 0;
		let requests = 0;
		const byFile: Record<string, number> = {};
		let lastActivity = performance.now();
		const pending: Promise<void>[] = [];
		page.on('request', () => {
			lastActivity = performance.now();
		});
		page.on('requestfinished', (request) => {
			const path = new URL(request.url()).pathname;
			if (!path.startsWith('/pagefind/')) return;
			requests++;
			lastActivity = performance.now();
			pending.push(
				(async () => {
					const response = await request.response();
					if (!response) return;
					const body = await response.body();
					// The server always sends Content-Length (the gzipped size when it compressed); the
					// browser's own size accounting misses requests made for workers.
					const transferred = Number((await response.allHeaders())['content-length'] ?? body.length);
					bytes += transferred;
					decodedBytes += body.length;
					const key = path.replace(/\/(index|fragment|filter)\/.*$/u, '/$1/*').replace(/_[0-9a-f]{6,}\./u, '_*.');
					byFile[key] = (byFile[key] ?? 0) + transferred;
					lastActivity = performance.now();
				})().catch(() => {})
			);
		});
		await page.goto(server.url + options.page, { waitUntil: 'load' });
		if (options.ui === 'starlight') await page.click('button[data-open-modal]');
		const input = page.locator('.pagefind-ui__search-input').first();
		await input.waitFor({ state: 'visible', timeout: 15_000 });
		await input.pressSequentially(options.query, { delay: 50 });
		await page
			.locator('.pagefind-ui__result')
			.first()
			.waitFor({ timeout: 30_000 })
			.catch(() => {
				throw new Error(`no search result for "${options.query}" on ${options.page} within 30 s`);
			});
		// Results render before their excerpts' fragments all arrive: wait for the network to go quiet.
		while (performance.now() - lastActivity < 1_000) await page.waitForTimeout(200);
		await Promise.all(pending);
		const results = await page.locator('.pagefind-ui__result').count();
		return { bytes, decodedBytes, requests, byFile, results };
	} finally {
		await browser.close();
		await server.close();
	}
}
