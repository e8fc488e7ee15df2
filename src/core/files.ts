/**
 * Reading the specs folder: which files are specs, and their text. The only module of the model
 * that touches the file system.
 */
import { constants, type Dirent, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { SourceFile } from './analyze.ts';
import { isPublishedSpecPath, relativePath } from './paths.ts';

/**
 * Paths (relative to `cwd`, `/`-separated) of every published spec under `dir` (relative to `cwd`),
 * sorted. Symbolic links are never followed, but a published name that is not a regular file (a
 * link, a pipe, a device), and a link to a folder, are listed: reading them reports them, where
 * the site's glob would follow or hang on them.
 */
export async function listSpecFiles(dir: string, cwd: string): Promise<string[]> {
	const root = resolve(cwd, dir);
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	const listed = await Promise.all(
		entries.map(async (entry) => {
			const absolute = resolve(entry.parentPath, entry.name);
			const inside = relativePath(root, absolute);
			if (entry.isDirectory()) return undefined;
			if (isPublishedSpecPath(inside) || (entry.isSymbolicLink() && (await linksToFolder(absolute)) && isPublishedFolder(inside))) return relativePath(cwd, absolute);
			return undefined;
		})
	);
	return listed.filter((path) => path !== undefined).sort();
}

/** A folder whose specs would be published: no name in its path starts with `_` or `.`. */
const isPublishedFolder = (path: string) => isPublishedSpecPath(`${path}/x.md`);

const linksToFolder = (path: string) => stat(path).then((stats) => stats.isDirectory(), () => false);

/** What a path is when it is not a regular file, in the author's terms. */
function notRegular(entry: Stats | Dirent): string | undefined {
	if (entry.isSymbolicLink()) return 'a symbolic link';
	if (entry.isFIFO()) return 'a named pipe';
	if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
	if (entry.isSocket()) return 'a socket';
	if (entry.isDirectory()) return 'a folder';
	return undefined;
}

/** Whether `file`, inside the folder `root`, is reached through a symbolic link to a folder on the way. */
async function throughLink(root: string, file: string): Promise<boolean> {
	const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
	return realFile !== resolve(realRoot, relative(root, file));
}

/** Files larger than this are not parsed (1 MB by default). */
export const DEFAULT_MAX_FILE_BYTES = 1_000_000;

/** Reading limits. */
export interface ReadOptions {
	/** The folder spec paths are relative to (the resolved context's `cwd`). */
	cwd: string;
	/** Files over this many bytes get `file-too-large` instead of being parsed. */
	maxFileBytes?: number;
	/** The specs folder (relative to `cwd`): a file reached through a linked folder inside it is refused. */
	specsDir?: string;
}

/** Why a listed spec cannot be read, by error code, in the author's terms. */
const UNREADABLE: Record<string, string> = {
	ENOENT: 'it no longer exists',
	EACCES: 'permission denied',
};

// Never through a symbolic link, and never waiting on a pipe: what is opened is checked before a byte is read.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Reads one spec as UTF-8 text. Anything but a regular file (a link, a pipe, a device), a file over
 * the size limit, one with a NUL byte or invalid UTF-8 carries a `problem` instead; the size is
 * checked before reading, so a huge or endless file is never read.
 */
export async function readSpecFile(path: string, options: ReadOptions): Promise<SourceFile> {
	const top = { line: 1, column: 1 };
	const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
	const absolute = resolve(options.cwd, path);
	let handle;
	try {
		handle = await open(absolute, OPEN_FLAGS);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		// O_NOFOLLOW refuses a link with ELOOP (a folder link can fail otherwise): say what it is.
		if (code === 'ELOOP' || code === 'EISDIR' || code === 'ENXIO') {
			const what = await lstat(absolute).then(notRegular, () => undefined);
			if (what) return { path, source: '', problem: { code: 'file-not-regular', position: top, params: { what } } };
		}
		const reason = code !== undefined && code in UNREADABLE ? UNREADABLE[code]! : String((error as Error).message);
		return { path, source: '', problem: { code: 'file-unreadable', position: top, params: { reason } } };
	}
	try {
		const stats = await handle.stat();
		const what = notRegular(stats) ?? (options.specsDir !== undefined && (await throughLink(resolve(options.cwd, options.specsDir), absolute)) ? 'inside a linked folder' : undefined);
		if (what) return { path, source: '', problem: { code: 'file-not-regular', position: top, params: { what } } };
		if (stats.size > maxFileBytes) return { path, source: '', problem: { code: 'file-too-large', position: top, params: { size: stats.size, limit: maxFileBytes } } };
		// Read to the end, or to one byte over the limit: the size stat() gave may be stale or wrong.
		let buffer = new Uint8Array(Math.min(stats.size, maxFileBytes) + 1);
		let length = 0;
		for (;;) {
			const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
			length += bytesRead;
			if (bytesRead === 0 || length > maxFileBytes) break;
			if (length === buffer.length) {
				const larger = new Uint8Array(Math.min(buffer.length * 2, maxFileBytes + 1));
				larger.set(buffer);
				buffer = larger;
			}
		}
		return decodeSpecFile(path, buffer.subarray(0, length), maxFileBytes);
	} finally {
		await handle.close();
	}
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
	// The listing never goes through a link, so the linked-folder test is not needed here.
	const { specsDir: _listed, ...read } = options;
	return Promise.all((await listSpecFiles(dir, options.cwd)).map((path) => readSpecFile(path, read)));
}
