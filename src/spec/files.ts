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

/** Files larger than this are not parsed (1 MB by default). */
export const DEFAULT_MAX_FILE_BYTES = 1_000_000;

/** Reading limits. */
export interface ReadOptions {
	cwd?: string;
	/** Files over this many bytes get `file-too-large` instead of being parsed. */
	maxFileBytes?: number;
}

/** Reads one file as UTF-8 text; a file too large, with a NUL byte or invalid UTF-8 carries a `problem` instead. */
export async function readSpecFile(path: string, options: ReadOptions = {}): Promise<SourceFile> {
	const bytes = await readFile(join(options.cwd ?? process.cwd(), path));
	return decodeSpecFile(path, bytes, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
}

/** The decoding half of readSpecFile, for bytes already in memory. */
export function decodeSpecFile(path: string, bytes: Uint8Array, maxFileBytes = DEFAULT_MAX_FILE_BYTES): SourceFile {
	const lineOf = (offset: number) => ({ line: bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1, column: 1 });
	if (bytes.length > maxFileBytes) {
		return { path, source: '', problem: { code: 'file-too-large', position: { line: 1, column: 1 }, params: { size: bytes.length, limit: maxFileBytes } } };
	}
	const nul = bytes.indexOf(0);
	if (nul !== -1) {
		return { path, source: '', problem: { code: 'file-encoding', position: lineOf(nul), params: { reason: `it contains a NUL byte (byte ${nul + 1}), so it looks binary` } } };
	}
	try {
		return { path, source: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		const offset = firstInvalidUtf8(bytes);
		return { path, source: '', problem: { code: 'file-encoding', position: lineOf(offset), params: { reason: `invalid UTF-8 at byte ${offset + 1}` } } };
	}
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let low = 0;
	let high = bytes.length;
	// The longest valid prefix, by bisection (decoding a prefix may cut a character: allow 3 bytes of slack).
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		try {
			decoder.decode(bytes.subarray(0, middle), { stream: true });
			decoder.decode();
			low = middle;
		} catch {
			high = middle - 1;
		}
	}
	return low;
}

/** Every published spec under `dir`, read. */
export async function readSpecFiles(dir: string, options: ReadOptions = {}): Promise<SourceFile[]> {
	return Promise.all((await listSpecFiles(dir, options.cwd)).map((path) => readSpecFile(path, options)));
}
