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
