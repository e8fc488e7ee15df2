/**
 * Specbook's settings, in one typed place. astro.config.mjs builds the site from them, and
 * `npm run check` reads them too. See /guide/configuration/ on the site for each option.
 */
import { defineSpecbookConfig } from './src/integration/config.ts';

export default defineSpecbookConfig({
	/** The site title, in the header and the browser tab. */
	title: 'Specbook',
	description: 'Technical specifications: status, owners, phases and rollout.',
	/** Where the site is deployed; the feed and canonical links use it. */
	site: 'https://specbook.example.com',
	/** The path the site is served under, e.g. '/specbook/' for a GitHub Pages project site. */
	base: '/',
	/** The folder holding the specs, relative to this file; the SPECS_DIR environment variable overrides it. */
	specsDir: 'specs',
	/** "Edit page" links: this prefix followed by the spec's path, e.g. specs/payments/retry.md. */
	editLinkBase: 'https://github.com/example/specbook/edit/main/',
	/** Publish .mdx specs. MDX is code: turn this off where specs are not reviewed as code. */
	mdx: true,
	/** Draft and In Review specs not updated for this many days are marked stale. */
	staleAfterDays: 90,
	/** Spec files larger than this many bytes are an error instead of being parsed. */
	maxFileBytes: 1_000_000,
	/** Send a Content-Security-Policy with every page. Turn off only to embed content from other sites. */
	csp: true,
});
