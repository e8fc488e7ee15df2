/**
 * Links from a spec to repository files that are not specs (code, an ADR, a README): on GitHub
 * they open the file, on the site a relative link would lead nowhere. With `repoUrl` (or an
 * `editLinkBase` of the form `<repository>/edit/<ref>/`) they become the file's page on the
 * repository host: `<repoUrl>/blob/<ref>/<path from the repository root>`.
 */

/** Where repository files are shown. */
export interface RepoHost {
	/** The repository's web address, without a trailing slash. */
	repoUrl: string;
	/** The branch (or other ref) files are shown at: the edit links' one, else `HEAD`, the default branch. */
	ref: string;
}

/**
 * `https://github.com/acme/specs/edit/main/` → the repository and `main`. From GitLab's
 * `…/acme/specs/-/edit/main/`, the repository part ends in `/-`, under which GitLab serves `blob/`.
 */
const EDIT_LINK = /^(?<repository>.+?)\/edit\/(?<ref>[^/]+)\/?/u;

/** The host from the settings, or undefined when neither `repoUrl` nor a usable `editLinkBase` says where the repository is. */
export function repoHost({ repoUrl, editLinkBase }: { repoUrl?: string | undefined; editLinkBase?: string | undefined }): RepoHost | undefined {
	const edit = editLinkBase ? EDIT_LINK.exec(editLinkBase)?.groups : undefined;
	const repository = repoUrl ?? edit?.['repository'];
	if (!repository) return undefined;
	return { repoUrl: repository.replace(/\/+$/u, ''), ref: edit?.['ref'] ?? 'HEAD' };
}

/**
 * The page of a repository file: `path` is `/`-separated from the repository root; `suffix` is
 * what followed the path in the link as written (`?plain=1`, `#L10`), kept as is. A folder gets
 * its `tree` page.
 */
export function repoFileUrl(host: RepoHost, path: string, { folder = false, suffix = '' }: { folder?: boolean; suffix?: string } = {}): string {
	const encoded = path === '.' ? '' : path.split('/').map(encodeURIComponent).join('/');
	return `${host.repoUrl}/${folder ? 'tree' : 'blob'}/${host.ref}/${encoded}${suffix}`;
}
