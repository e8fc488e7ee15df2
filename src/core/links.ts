/**
 * Links between specs. Authors link to another spec by its file (`../ledger/idempotency.md`, as
 * GitHub renders it); the site turns that into the spec's page URL. A link to a file that does not
 * exist is an error, a link to a heading that does not exist a warning.
 */
import GithubSlugger from 'github-slugger';
import { posix } from 'node:path';

export { pathInSpecsDir } from './paths.ts';

/** What a link in a spec points at. */
export type LinkTarget =
	/** Another site, a mail address, or anything with a scheme. */
	| { kind: 'external' }
	/** A heading of the same page. */
	| { kind: 'anchor'; anchor: string }
	/** Another spec (or this one), by its source path relative to the working directory. */
	| { kind: 'spec'; path: string; anchor: string | undefined }
	/** Any other file in the repository (an image, a diagram, a PDF). */
	| { kind: 'file'; path: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/iu;

/** Resolves `url` as written in the spec at `fromPath` (relative to the working directory). */
export function resolveLink(fromPath: string, url: string): LinkTarget {
	if (SCHEME.test(url) || url.startsWith('//')) return { kind: 'external' };
	if (url.startsWith('#')) return { kind: 'anchor', anchor: safeDecode(url.slice(1)) };
	const [withoutHash = '', ...hashParts] = url.split('#');
	const pathPart = withoutHash.split('?')[0] ?? '';
	const anchor = hashParts.length ? safeDecode(hashParts.join('#')) : undefined;
	if (!pathPart) return anchor === undefined ? { kind: 'external' } : { kind: 'anchor', anchor };
	// Root-relative links (`/specs/x/`) are site URLs, not files: leave them to the site.
	if (pathPart.startsWith('/')) return { kind: 'external' };
	const path = posix.normalize(posix.join(posix.dirname(fromPath), safeDecode(pathPart)));
	if (/\.mdx?$/iu.test(path)) return { kind: 'spec', path, anchor };
	return { kind: 'file', path };
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** The heading ids a rendered page gets (github-slugger, as Astro's Markdown processors use). */
export function headingSlugs(headings: readonly { text: string }[]): Set<string> {
	const slugger = new GithubSlugger();
	return new Set(headings.map((heading) => slugger.slug(heading.text)));
}
