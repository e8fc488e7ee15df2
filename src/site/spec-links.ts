/**
 * Links between specs on the site. Authors link to another spec by its file
 * (`[Ledger](../ledger/idempotency.md#phase-2)`), which GitHub renders; the site rewrites that to the
 * spec's page (`/specs/ledger/idempotency/#phase-2`). The link rules (what a link points at, a spec's
 * id) are the model's, so the site and `npm run check` agree on which links are specs. A link to a
 * repository file that is not a spec goes to that file on the repository host, when the site
 * knows the host (./repo-links.ts).
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
	/**
	 * The page of a repository file on its host, given its path (relative to the context's `cwd`)
	 * and what followed the path in the link; undefined when the file is not in the repository or
	 * the host is unknown.
	 */
	repoFile?: ((path: string, suffix: string) => string | undefined) | undefined;
}

/**
 * The URL a link written in a spec should point to, or undefined to leave it as written: a spec's
 * page, or a repository file's page on its host; external links, same-page anchors, and specs in
 * the specs folder that are not published (which `check` reports as broken) stay as written, and
 * so does every other file when `repoFile` gives no page for it.
 */
export function specLinkHref(url: string, { fromPath, specsDir, base, repoFile }: SpecLinkContext): string | undefined {
	const target = resolveLink(fromPath, url);
	if (target.kind !== 'spec' && target.kind !== 'file') return undefined;
	const inFolder = target.kind === 'spec' ? pathInSpecsDir(target.path, specsDir) : undefined;
	if (inFolder === undefined) return repoFile?.(target.path, url.slice(url.search(/[?#]|$/u)));
	if (!isPublishedSpecPath(inFolder)) return undefined;
	// The fragment is kept as written: it is already URL-encoded the way the author meant it.
	const hash = url.indexOf('#');
	const fragment = hash === -1 || hash === url.length - 1 ? '' : url.slice(hash);
	return specUrl(specIdFromPath(specsDir, target.path), base) + fragment;
}
