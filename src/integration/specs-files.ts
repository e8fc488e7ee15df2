/**
 * Which documents Specbook's Sätteri plugins (spec-links.ts, internals/inline-code-direction.ts) apply to:
 * those in the specs folder. Sätteri hands each plugin factory the document's `fileURL`.
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A test for documents in `specsDir` (relative to `cwd`): given a document's URL, its file path
 * when it is a file in the specs folder, otherwise undefined.
 */
export function specsFileMatcher(specsDir: string, cwd: string): (fileURL: URL | undefined) => string | undefined {
	const specsRoot = resolve(cwd, specsDir) + sep;
	return (fileURL) => {
		if (fileURL?.protocol !== 'file:') return undefined;
		const file = fileURLToPath(fileURL);
		return file.startsWith(specsRoot) ? file : undefined;
	};
}
