/**
 * The CLI's view of the settings the site is built with (MDX on or off, the file size limit, the
 * specs folder): specbook.config.ts where there is one (this repository's layout), else the
 * Specbook options in the project's astro.config.* (a host site that added the plugin), else the
 * defaults.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineSpecbookConfig, SpecbookSiteConfigSchema, type SpecbookSiteConfig, type SpecbookSiteUserConfig } from '../integration/config.ts';
import { recordedOptions } from '../integration/options-record.ts';

/** Astro's config file names, in the order Astro looks for them. */
const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];

export async function loadConfig(root: string): Promise<SpecbookSiteConfig> {
	const path = resolve(root, 'specbook.config.ts');
	if (existsSync(path)) return loadSpecbookConfig(path);
	const astroConfig = ASTRO_CONFIGS.map((name) => resolve(root, name)).find((file) => existsSync(file));
	return astroConfig ? loadAstroConfig(astroConfig) : SpecbookSiteConfigSchema.parse({});
}

async function loadSpecbookConfig(path: string): Promise<SpecbookSiteConfig> {
	try {
		const module = (await import(pathToFileURL(path).href)) as { default: SpecbookSiteUserConfig };
		// defineSpecbookConfig() has validated it already; a plain object gets its defaults here.
		return defineSpecbookConfig(module.default);
	} catch (error) {
		throw new Error(`specbook.config.ts is not valid: ${error instanceof Error ? error.message.replace(/^Invalid Specbook settings:\n/u, '').replace(/\n/gu, ' ') : String(error)}`);
	}
}

/**
 * The options given to `specbook(…)` in astro.config.*. The file is imported as Astro's own loader
 * first tries it, with plain Node (Starlight's and Specbook's entries are JavaScript, and Node strips
 * the types of a project's own .ts files), and evaluating it calls `specbook(options)`, which
 * records its options (options-record.ts). That is exact whatever the file computes (variables,
 * imports, environment), where reading its text would not be; and it needs neither Vite nor an
 * Astro build, so `check` stays fast.
 */
async function loadAstroConfig(path: string): Promise<SpecbookSiteConfig> {
	const name = path.slice(path.lastIndexOf('/') + 1);
	try {
		await import(pathToFileURL(path).href);
	} catch (error) {
		// specbook() records its options before checking them: when they are what failed, say which, as the build would.
		const recorded = recordedOptions();
		const parsed = recorded === undefined ? undefined : SpecbookSiteConfigSchema.safeParse(recorded);
		if (parsed && !parsed.success) throw invalidOptions(name, parsed.error.issues);
		throw new Error(`${name} could not be loaded to read Specbook's options (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); put them in specbook.config.ts instead.`);
	}
	const parsed = SpecbookSiteConfigSchema.safeParse(recordedOptions() ?? {});
	if (!parsed.success) throw invalidOptions(name, parsed.error.issues);
	return parsed.data;
}

type Issue = { path: PropertyKey[]; message: string };

const invalidOptions = (name: string, issues: readonly Issue[]) =>
	new Error(`Specbook's options in ${name} are not valid: ${issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ')}`);
