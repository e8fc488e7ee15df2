/**
 * Paths as the model writes them: `/`-separated and relative to one base folder (the working
 * directory for the CLI, the project root for the site). Every path the core compares goes
 * through here, so a Windows separator, a leading `./` or a trailing `/` never makes two names
 * for one file.
 */
import { posix, relative, sep } from 'node:path';

/** `a\b/c` → `a/b/c`. */
export const toPosix = (path: string): string => path.replaceAll('\\', '/');

/** A relative path in the model's form: `/`-separated, no leading `./`, no trailing `/`, `.` for the base itself. */
export function normalizeRelative(path: string): string {
	return toPosix(path).replace(/^(?:\.\/+)+(?=.)/u, '').replace(/(?<=.)\/+$/u, '') || '.';
}

/** `target` (absolute) relative to `base` (absolute), in the model's form. */
export function relativePath(base: string, target: string): string {
	return normalizeRelative(relative(base, target).split(sep).join('/'));
}

/** `path` relative to the specs folder, or undefined when it lies outside it (both relative to one base). */
export function pathInSpecsDir(path: string, specsDir: string): string | undefined {
	const dir = posix.normalize(normalizeRelative(specsDir)).replace(/\/+$/u, '');
	const file = normalizeRelative(path);
	if (dir === '.') return file.startsWith('../') || file.startsWith('/') ? undefined : file;
	return file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : undefined;
}

/** `specs/Payments/Retry.md` → `payments/retry` (relative to the specs folder, lower-case, no extension). */
export function specIdFromPath(specsDir: string, path: string): string {
	const inside = pathInSpecsDir(path, specsDir) ?? normalizeRelative(path);
	return inside.replace(/\.mdx?$/iu, '').toLowerCase();
}

/** A source path as links match it: lower-case, without `.md`/`.mdx`. */
export const linkKey = (path: string): string => normalizeRelative(path).toLowerCase().replace(/\.mdx?$/u, '');

/**
 * A published spec, by its path inside the specs folder: `.md` or `.mdx`, and no file or folder
 * name starting with `_` (drafts, templates, `_archive/`) or `.` (hidden). The extension is
 * matched in any case here so that `check` can report `X.MD` (`file-extension`); the site's glob
 * below only ever sees lower-case extensions.
 */
export function isPublishedSpecPath(path: string): boolean {
	return /\.mdx?$/iu.test(path) && !toPosix(path).split('/').some((name) => name.startsWith('_') || name.startsWith('.'));
}

/**
 * The same rule as a glob for Astro's `glob()` loader (tinyglobby): hidden names are skipped by
 * the glob itself (it does not match dot files unless told to), `_` names by the negations.
 */
export const PUBLISHED_SPECS_GLOB: readonly string[] = ['**/*.{md,mdx}', '!**/_*', '!**/_*/**'];

/**
 * The first file or folder name in `path` with a character that cannot be part of a page address
 * (`#`, `?`, `%`, or a control character), quoted for a message; undefined when there is none.
 */
export function unsafeNameIn(path: string): { name: string; character: string } | undefined {
	for (const name of toPosix(path).split('/')) {
		const found = /[#?%\u0000-\u001F\u007F-\u009F]/u.exec(name)?.[0];
		if (!found) continue;
		const shown = (character: string) => (/[#?%]/u.test(character) ? `"${character}"` : `the control character U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
		return { name: name.replace(/[\u0000-\u001F\u007F-\u009F]/gu, (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`), character: shown(found) };
	}
	return undefined;
}
