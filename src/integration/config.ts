/**
 * Specbook's settings. The repository's `specbook.config.ts` holds them all in one typed place:
 * astro.config.mjs passes the site ones to Astro and Starlight and the rest to the plugin, and
 * `npm run check` reads the same file without loading Astro.
 */
import { z } from 'astro/zod';
import { DEFAULT_MAX_FILE_BYTES } from '../core/files.ts';
import type { SpecbookContext } from '../context.ts';

export const SpecbookConfigSchema = z.strictObject({
	/** The folder holding the specs, relative to the project root (or absolute); the `SPECS_DIR` variable overrides it. */
	specsDir: z.string().trim().min(1).default('specs'),
	/**
	 * Where Specbook's pages start on the site, inside Astro's `base`: each page is this prefix
	 * followed by its path on the reference site (with `'/rfcs/'`: `/rfcs/specs/<id>/`,
	 * `/rfcs/api/specs.json`). `'/'` puts them at the site's root, as in this repository.
	 */
	prefix: z
		.string()
		.regex(/^\/(?:[^/?#\s]+\/)*$/u, 'must start and end with "/", with no empty segment, "?", "#" or space (e.g. "/rfcs/")')
		.default('/'),
	/**
	 * Prefix of each spec's "Edit page" link; the spec's source path (`specs/payments/retry.md`) is
	 * appended. E.g. `https://github.com/acme/specs/edit/main/`. No edit links when omitted.
	 */
	editLinkBase: z.url().optional(),
	/**
	 * The repository's web address, e.g. `https://github.com/acme/specs`: each status change on a
	 * spec page links to `<repoUrl>/commit/<sha>`. No commit links when omitted.
	 */
	repoUrl: z.url().optional(),
	/** How many specs the home page lists under "Recently updated". */
	recentCount: z.number().int().positive().default(8),
	/**
	 * Publish `.mdx` specs. MDX is code (it can import modules and run expressions at build time);
	 * with `false`, an `.mdx` spec is an `mdx-disabled` error, for repositories that do not review
	 * specs as code.
	 */
	mdx: z.boolean().default(true),
	/** Draft and In Review specs whose Last Updated is older than this many days are marked stale. */
	staleAfterDays: z.number().int().positive().default(90),
	/**
	 * Send a Content-Security-Policy with every page (Astro's `security.csp`, see
	 * src/integration/csp.ts): no inline script runs unless Specbook or Starlight wrote it, and
	 * images load from the site itself only. Turn off only to embed third-party content.
	 */
	csp: z.boolean().default(true),
	/** Larger spec files are a `file-too-large` error instead of being parsed. */
	maxFileBytes: z.number().int().positive().default(DEFAULT_MAX_FILE_BYTES),
});

/** Everything in specbook.config.ts: the site's own settings plus the plugin's options. */
export const SpecbookSiteConfigSchema = SpecbookConfigSchema.extend({
	/** The site title, in the header and the browser tab. */
	title: z.string().min(1).default('Specbook'),
	/** One line about the site, for search engines and the feed. */
	description: z.string().optional(),
	/** Where the site is deployed (absolute URL); the feed and canonical links use it. */
	site: z.url().optional(),
	/** The path the site is served under, e.g. `/specbook/` for a GitHub Pages project site. */
	base: z.string().startsWith('/').default('/'),
});

export type SpecbookSiteUserConfig = z.input<typeof SpecbookSiteConfigSchema>;
export type SpecbookSiteConfig = z.output<typeof SpecbookSiteConfigSchema>;

/** Validates specbook.config.ts (typos in keys are errors) and fills the defaults. */
export function defineSpecbookConfig(config: SpecbookSiteUserConfig): SpecbookSiteConfig {
	const parsed = SpecbookSiteConfigSchema.safeParse(config);
	if (!parsed.success) throw new Error(`Invalid Specbook settings:\n${z.prettifyError(parsed.error)}`);
	return parsed.data;
}

/** The plugin's part of the settings. */
export function pluginOptions({ title: _title, description: _description, site: _site, base: _base, ...options }: SpecbookSiteConfig): SpecbookConfig {
	return options;
}

export type SpecbookUserConfig = z.input<typeof SpecbookConfigSchema>;
export type SpecbookConfig = z.output<typeof SpecbookConfigSchema>;

/**
 * What pages read from `virtual:specbook/config`: the resolved context (the options, the specs
 * folder, today) plus Starlight's title and description, and where this command's rendered spec
 * bodies are.
 */
export interface SpecbookRuntimeConfig extends SpecbookContext {
	/** The site title (Starlight's `title`, in its default language). */
	title: string;
	/** The site description (Starlight's `description`). */
	description?: string | undefined;
	/** The folder of the rendered Markdown bodies the spec pages read (src/content/bodies.ts). */
	bodiesDir: string;
}
