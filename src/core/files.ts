/**
 * Reading the specs folder: which files are specs, and their text. The only module of the model
 * that touches the file system.
 */
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SourceFile } from './analyze.ts';
import { isPublishedSpecPath, relativePath } from './paths.ts';

/** Paths (relative to `cwd`, `/`-separated) of every published spec under `dir` (relative to `cwd`), sorted. */
export async function listSpecFiles(dir: string, cwd: string): Promise<string[]> {
	const root = resolve(cwd, dir);
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return (
		entries
			// Symbolic links are listed too: a link to a spec is a spec, a broken one is reported when read.
			.filter((entry) => entry.isFile() || entry.isSymbolicLink())
			.map((entry) => resolve(entry.parentPath, entry.name))
			.filter((absolute) => isPublishedSpecPath(relativePath(root, absolute)))
			.map((absolute) => relativePath(cwd, absolute))
			.sort()
	);
}

/** Files larger than this are not parsed (1 MB by default). */
export const DEFAULT_MAX_FILE_BYTES = 1_000_000;

/** Reading limits. */
export interface ReadOptions {
	/** The folder spec paths are relative to (the resolved context's `cwd`). */
	cwd: string;
	/** Files over this many bytes get `file-too-large` instead of being parsed. */
	maxFileBytes?: number;
}

/** Why a listed spec cannot be read, by error code, in the author's terms. */
const UNREADABLE: Record<string, string> = {
	ENOENT: 'it is a link to a file that does not exist',
	ELOOP: 'it is a symbolic link that leads back to itself',
	EISDIR: 'it is a link to a folder, not a file',
	EACCES: 'permission denied',
};

/** Reads one file as UTF-8 text; a file too large, with a NUL byte or invalid UTF-8 carries a `problem` instead. */
export async function readSpecFile(path: string, options: ReadOptions): Promise<SourceFile> {
	let bytes: Uint8Array;
	try {
		bytes = await readFile(resolve(options.cwd, path));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code !== undefined && code in UNREADABLE ? UNREADABLE[code]! : String((error as Error).message);
		return { path, source: '', problem: { code: 'file-unreadable', position: { line: 1, column: 1 }, params: { reason } } };
	}
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

/** Offset of the first byte of the first invalid UTF-8 sequence (the WHATWG decoder's rules). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let index = 0;
	while (index < bytes.length) {
		const byte = bytes[index]!;
		let length: number;
		let low = 0x80;
		let high = 0xbf;
		if (byte < 0x80) length = 1;
		else if (byte >= 0xc2 && byte <= 0xdf) length = 2;
		else if (byte >= 0xe0 && byte <= 0xef) {
			length = 3;
			if (byte === 0xe0) low = 0xa0;
			if (byte === 0xed) high = 0x9f;
		} else if (byte >= 0xf0 && byte <= 0xf4) {
			length = 4;
			if (byte === 0xf0) low = 0x90;
			if (byte === 0xf4) high = 0x8f;
		} else return index;
		for (let offset = 1; offset < length; offset++) {
			const next = bytes[index + offset];
			const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf];
			if (next === undefined || next < min || next > max) return index;
		}
		index += length;
	}
	return index;
}

/** Every published spec under `dir`, read. */
export async function readSpecFiles(dir: string, options: ReadOptions): Promise<SourceFile[]> {
	return Promise.all((await listSpecFiles(dir, options.cwd)).map((path) => readSpecFile(path, options)));
}
