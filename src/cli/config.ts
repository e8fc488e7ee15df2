/**
 * The CLI's view of specbook.config.ts: the same settings the site is built with (MDX on or off,
 * the file size limit), read without loading Astro so `npm run check` stays fast.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineSpecbookConfig, SpecbookSiteConfigSchema, type SpecbookSiteConfig, type SpecbookSiteUserConfig } from '../integration/config.ts';

/** specbook.config.ts in the project root, or the defaults when there is none. */
export async function loadConfig(root: string): Promise<SpecbookSiteConfig> {
	const path = resolve(root, 'specbook.config.ts');
	if (!existsSync(path)) return SpecbookSiteConfigSchema.parse({});
	try {
		const module = (await import(pathToFileURL(path).href)) as { default: SpecbookSiteUserConfig };
		// defineSpecbookConfig() has validated it already; a plain object gets its defaults here.
		return defineSpecbookConfig(module.default);
	} catch (error) {
		throw new Error(`specbook.config.ts is not valid: ${error instanceof Error ? error.message.replace(/^Invalid Specbook settings:\n/u, '').replace(/\n/gu, ' ') : String(error)}`);
	}
}
