/**
 * Serves a built site with `astro preview` on a free port, for browser tests, and launches a
 * Chromium (test/helpers/chromium.ts says which) through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { resolveChromium } from './chromium.ts';
import { ROOT, type BuiltSite } from './build-fixture.ts';
import { builtFixture, FIXTURES, type FixtureBuild, type FixtureName } from './fixtures.ts';

export interface Preview {
	/** The site's root, base included, without a trailing slash: `server.url + '/specs/'`. */
	url: string;
	stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** `astro preview` of `outDir` (built with `base`, if given); resolves once it answers. */
export async function preview(outDir: string, options: { base?: string } = {}): Promise<Preview> {
	const port = await freePort();
	const base = options.base ? `/${options.base.replace(/^\/|\/$/g, '')}` : '';
	const child: ChildProcess = spawn(
		join(ROOT, 'node_modules/.bin/astro'),
		// --ignore-lock: run beside a preview the developer may have open, and never in the background.
		['preview', '--ignore-lock', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1', ...(base ? ['--base', `${base}/`] : [])],
		{ cwd: ROOT, env: { ...process.env, BASE_URL: undefined, NODE_ENV: undefined, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'pipe' },
	);
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const url = `http://127.0.0.1:${port}${base}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`astro preview exited:\n${output}`);
		try {
			if ((await fetch(`${url}/`)).ok) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) throw new Error(`astro preview did not start:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		url,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill();
			}),
	};
}

export async function launchBrowser(): Promise<Browser> {
	const { executablePath } = await resolveChromium();
	return chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
	});
}

/** A fixture site (built by globalSetup), served by `astro preview`, and a Chromium to visit it. */
export interface ServedFixture {
	site: BuiltSite;
	server: Preview;
	browser: Browser;
	/** Closes the browser and stops the server (globalSetup removes the build). */
	close(): Promise<void>;
}

/** Everything an end-to-end test file needs in its `beforeAll`. */
export async function serveFixture(name: FixtureName): Promise<ServedFixture> {
	const site = builtFixture(name);
	const { base } = FIXTURES[name] as FixtureBuild;
	const server = await preview(site.outDir, base ? { base } : {});
	const browser = await launchBrowser();
	return {
		site,
		server,
		browser,
		async close() {
			await browser.close();
			await server.stop();
		},
	};
}
