/**
 * `astro dev` on the generated specs, measured as an author lives it: how long until the first spec
 * page is served, and how long an edit to a spec takes to show on its page.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** What `astro dev` cost. */
export interface DevResult {
	/** From starting `astro dev` to the first spec page answered with 200. */
	firstPageMs: number;
	/** From saving an edited spec to its page showing the edit. */
	editMs: number;
}

/** Polls every 100 ms; gives up after this long. */
const TIMEOUT_MS = 300_000;

export async function measureDev(options: {
	/** The project root (where astro.config.mjs is). */
	root: string;
	astro: string;
	specsDir: string;
	/** A spec's path under `specsDir`, and its page's path on the site. */
	spec: { path: string; page: string };
}): Promise<DevResult> {
	const port = await freePort();
	const started = performance.now();
	const child = spawn(process.execPath, [options.astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: options.root,
		env: { ...withoutNodeEnv(), SPECS_DIR: options.specsDir, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const output: string[] = [];
	child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${output.join('').slice(-2000)}`))));
	const url = `http://127.0.0.1:${port}${options.spec.page}`;
	const file = join(options.specsDir, options.spec.path);
	const original = readFileSync(file, 'utf8');
	try {
		await Promise.race([until(url, (status) => status === 200), exited]);
		const firstPageMs = Math.round(performance.now() - started);
		// A word that appears nowhere else, added to the Context the way an author would type it.
		const marker = `benchmarkedit${Date.now()}`;
		const edited = original.replace(/(\*\*Context\*\*:? ?|\*\*Context:\*\* ?)/u, `$1${marker} `);
		if (edited === original) throw new Error(`no Context field to edit in ${file}`);
		const saved = performance.now();
		writeFileSync(file, edited);
		await Promise.race([until(url, (status, body) => status === 200 && body.includes(marker)), exited]);
		return { firstPageMs, editMs: Math.round(performance.now() - saved) };
	} finally {
		writeFileSync(file, original);
		// The dev server and everything it started: its own process group.
		try {
			process.kill(-child.pid!, 'SIGTERM');
		} catch {}
	}
}

async function until(url: string, done: (status: number, body: string) => boolean): Promise<void> {
	const deadline = performance.now() + TIMEOUT_MS;
	while (performance.now() < deadline) {
		try {
			const response = await fetch(url);
			if (done(response.status, await response.text())) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} did not show the expected page within ${TIMEOUT_MS / 1000} s`);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function withoutNodeEnv(): NodeJS.ProcessEnv {
	const { NODE_ENV: _inherited, ...env } = process.env;
	return env;
}
