/**
 * Reading the specs folder: which files are specs, and their text. The only module of the model
 * that touches the file system.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from './analyze.ts';

/** A published spec: `.md` or `.mdx`, and no path segment starting with `_`. */
export function isPublishedSpecPath(path: string): boolean {
	return /\.mdx?$/iu.test(path) && !path.split(/[\\/]/u).some((segment) => segment.startsWith('_'));
}

/** Paths (relative to the working directory, `/`-separated) of every published spec under `dir`, sorted. */
export async function listSpecFiles(dir: string, cwd = process.cwd()): Promise<string[]> {
	const entries = await readdir(join(cwd, dir), { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => relative(cwd, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.filter((path) => isPublishedSpecPath(relative(dir, path)))
		.sort();
}

/** Reads one file as UTF-8 text. */
export async function readSpecFile(path: string, cwd = process.cwd()): Promise<SourceFile> {
	return { path, source: await readFile(join(cwd, path), 'utf8') };
}

/** Every published spec under `dir`, read. */
export async function readSpecFiles(dir: string, cwd = process.cwd()): Promise<SourceFile[]> {
	return Promise.all((await listSpecFiles(dir, cwd)).map((path) => readSpecFile(path, cwd)));
}
