/**
 * Links an imported spec brought along broken: its source linked files that were never there (or
 * were left behind). `check` warns about them; the page shows their text without a dead link.
 */
import { resolveLink } from '../core/links.ts';

/**
 * Whether `url`, written in the spec at `fromPath` (relative to the working directory), points to a
 * file that does not exist; external links and anchors are never dead here.
 */
export function isDeadLink(url: string, fromPath: string, exists: (path: string) => boolean): boolean {
	const target = resolveLink(fromPath, url);
	return (target.kind === 'spec' || target.kind === 'file') && !exists(target.path);
}

/** Whether a page's frontmatter (as Astro hands it to Markdown plugins) marks it imported. */
export function isImportedPage(frontmatter: unknown): boolean {
	return typeof frontmatter === 'object' && frontmatter !== null && typeof (frontmatter as { imported?: unknown }).imported === 'object';
}
