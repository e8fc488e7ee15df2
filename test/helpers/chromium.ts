/**
 * Which Chromium the browser tests (and the benchmark's first-query figures) drive through
 * playwright-core, whose own browser download cannot work here. In order of preference:
 * `CHROMIUM_PATH`, a system Chromium or Chrome, else the Chromium inside the npm package
 * `@sparticuz/chromium` (a devDependency), so `npm test` needs no `apt-get` on a fresh machine.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where a Chromium came from, for messages. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';

export interface ResolvedChromium {
	executablePath: string;
	source: ChromiumSource;
}

/** Program names of a system Chromium or Chrome, most likely first. */
export const SYSTEM_CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export interface ChromiumLookup {
	/** `CHROMIUM_PATH` names the browser; `SPECBOOK_SYSTEM_CHROMIUM=off` skips the system one (to try the packaged one). */
	env?: Record<string, string | undefined>;
	/** Folders searched for a system browser; `PATH` and `/usr/bin` by default. */
	dirs?: readonly string[];
	exists?: (path: string) => boolean;
	/** Extracts the packaged Chromium and returns its path. */
	packaged?: () => Promise<string>;
}

/** The browser to launch, by the order of preference above. */
export async function resolveChromium(lookup: ChromiumLookup = {}): Promise<ResolvedChromium> {
	const env = lookup.env ?? process.env;
	const exists = lookup.exists ?? existsSync;
	const named = env['CHROMIUM_PATH']?.trim();
	if (named) {
		// A path given on purpose that is wrong is an error, not a reason to fall back silently.
		if (!exists(named)) throw new Error(`CHROMIUM_PATH names ${named}, which does not exist`);
		return { executablePath: named, source: 'CHROMIUM_PATH' };
	}
	if (env['SPECBOOK_SYSTEM_CHROMIUM'] !== 'off') {
		const dirs = lookup.dirs ?? [...(env['PATH'] ?? '').split(delimiter).filter(Boolean), '/usr/bin'];
		for (const name of SYSTEM_CHROMIUM_NAMES) {
			for (const dir of dirs) {
				const path = join(dir, name);
				if (exists(path)) return { executablePath: path, source: 'system' };
			}
		}
	}
	return { executablePath: await (lookup.packaged ?? packagedChromium)(), source: '@sparticuz/chromium' };
}

/** The Chromium shipped in `@sparticuz/chromium`'s tarball, extracted into the temp folder on first use. */
async function packagedChromium(): Promise<string> {
	const { default: chromium } = await import('@sparticuz/chromium');
	return chromium.executablePath();
}
