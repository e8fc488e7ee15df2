/**
 * Links between specs on the site. Authors link to another spec by its file
 * (`[Ledger](../ledger/idempotency.md#phase-2)`), which GitHub renders; the site rewrites that to the
 * spec's page (`/specs/ledger/idempotency/#phase-2`). The link rules (what a link points at, a spec's
 * id) are the model's, so the site and `npm run check` agree on which links are specs.
 */
import { resolveLink } from '../core/links.ts';
import { isPublishedSpecPath, pathInSpecsDir, specIdFromPath } from '../core/paths.ts';
import { specUrl } from './urls.ts';

export interface SpecLinkContext {
	/** The spec holding the link, relative to the context's `cwd` (`specs/payments/refunds.md`). */
	fromPath: string;
	/** The specs folder, relative to the context's `cwd`, as src/core expects it. */
	specsDir: string;
	/** The site's base path. */
	base: string;
}

/**
 * The page URL a link written in a spec should point to, or undefined to leave it as written
 * (external links, same-page anchors, other files, and specs outside the specs folder or not
 * published, which `check` reports as broken).
 */
export function specLinkHref(url: string, { fromPath, specsDir, base }: SpecLinkContext): string | undefined {
	const target = resolveLink(fromPath, url);
	if (target.kind !== 'spec') return undefined;
	const inFolder = pathInSpecsDir(target.path, specsDir);
	if (inFolder === undefined || !isPublishedSpecPath(inFolder)) return undefined;
	// The fragment is kept as written: it is already URL-encoded the way the author meant it.
	const hash = url.indexOf('#');
	const fragment = hash === -1 || hash === url.length - 1 ? '' : url.slice(hash);
	return specUrl(specIdFromPath(specsDir, target.path), base) + fragment;
}
