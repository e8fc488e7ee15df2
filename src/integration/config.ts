/**
 * Specbook's own options (the site title, base path and site URL are Astro's and Starlight's own
 * options, set beside this plugin in astro.config.mjs).
 */
import { z } from 'astro/zod';

export const SpecbookConfigSchema = z.strictObject({
	/**
	 * Prefix of each spec's "Edit page" link; the spec's source path (`specs/payments/retry.md`) is
	 * appended. E.g. `https://github.com/acme/specs/edit/main/`. No edit links when omitted.
	 */
	editLinkBase: z.url().optional(),
	/** How many specs the home page lists under "Recently updated". */
	recentCount: z.number().int().positive().default(8),
	/**
	 * Publish `.mdx` specs. MDX is code (it can import modules and run expressions at build time);
	 * with `false`, an `.mdx` spec is an `mdx-disabled` error, for repositories that do not review
	 * specs as code.
	 */
	mdx: z.boolean().default(true),
});

export type SpecbookUserConfig = z.input<typeof SpecbookConfigSchema>;
export type SpecbookConfig = z.output<typeof SpecbookConfigSchema>;

/** What pages read from `virtual:specbook/config`: the options plus Starlight's title and description. */
export interface SpecbookRuntimeConfig extends SpecbookConfig {
	/** The site title (Starlight's `title`, in its default language). */
	title: string;
	/** The site description (Starlight's `description`). */
	description?: string | undefined;
}

/** The name of the integration the plugin adds; the loader finds the options on it. */
export const CONFIG_INTEGRATION_NAME = 'specbook:config';

/**
 * A custom hook of that integration returning the options. A hook, because Starlight validates
 * the integrations plugins add and keeps only their name and hooks.
 */
export const CONFIG_HOOK = 'specbook:config';

/**
 * The options as the content loader reads them: from the plugin's integration in the Astro config
 * (the loader gets the Astro config, not Vite's virtual modules). Defaults without the plugin.
 */
export function specbookConfigFrom(astroConfig: { integrations: readonly { name: string; hooks?: object }[] }): SpecbookConfig {
	const integration = astroConfig.integrations.find((entry) => entry.name === CONFIG_INTEGRATION_NAME);
	const hook = (integration?.hooks as Record<string, unknown> | undefined)?.[CONFIG_HOOK];
	return typeof hook === 'function' ? (hook() as SpecbookConfig) : SpecbookConfigSchema.parse({});
}
