/**
 * `npm run import -- [--dir specs] [--author "Name"] [--dry-run] [--format text|json] <file|folder>…`
 * Writes one spec per source Markdown file (src/core/import/convert.ts), never overwriting: an
 * existing target is an error for that file and the others go on. Exit 0: every file imported;
 * 1: any failed; 2: bad usage.
 */
import { existsSync, statSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliContext } from '../../context.ts';
import { fileCommits } from '../../core/git.ts';
import { relativePath, specIdFromPath } from '../../core/index.ts';
import { decodeSpecFile } from '../../core/files.ts';
import { ImportError, importSpec, type ImportResult } from '../../core/import/convert.ts';
import { existingSpecs } from '../existing-specs.ts';
import { UsageError, type CliResult } from '../run.ts';

export const USAGE = 'usage: npm run import -- [--dir specs] [--author "Name"] [--dry-run] [--format text|json] <file|folder>…';

/** One source's outcome, as `--format json` prints it. */
export interface ImportedFile {
	source: string;
	target: string | null;
	feature: string | null;
	authors: string[];
	lastUpdated: string | null;
	status: string | null;
	originalStatus: string | null;
	sectionsFilled: string[];
	sectionsAdded: string[];
	needsAuthor: string[];
	error?: string;
}

/** Runs `import` with `argv` (the arguments after the command) in `context`. */
export async function importDocs(argv: string[], context: CliContext): Promise<CliResult> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			dir: { type: 'string', default: context.specsDir },
			author: { type: 'string' },
			'dry-run': { type: 'boolean', default: false },
			format: { type: 'string', default: 'text' },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) return { output: USAGE, exitCode: 0 };
	if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}": use text or json`);
	if (positionals.length === 0) throw new UsageError('give the Markdown files or folders to import');
	const onDisk = (path: string) => resolve(context.cwd, path);
	const dir = relativePath(context.cwd, onDisk(values.dir));
	const sources: string[] = [];
	for (const given of positionals) {
		const path = relativePath(context.cwd, onDisk(given));
		if (!existsSync(onDisk(path))) throw new UsageError(`no such file: ${path}`);
		for (const file of statSync(onDisk(path)).isDirectory() ? await markdownFiles(path, context.cwd) : [path]) if (!sources.includes(file)) sources.push(file);
	}

	// Decoded as check decodes specs: a Latin-1 or UTF-16 file is refused, not turned into � or NULs.
	const texts = new Map(await Promise.all(sources.map(async (source) => [source, decodeSpecFile(source, await readFile(onDisk(source)), Number.MAX_SAFE_INTEGER)] as const)));
	const git = new Map(sources.map((source) => [source, fileCommits(source, context.cwd)]));
	const convert = (source: string, targets?: ReadonlyMap<string, string>) => {
		const { source: text, problem } = texts.get(source)!;
		if (problem) throw new ImportError(`it is not UTF-8 text: ${String(problem.params['reason'])}; convert it to UTF-8 first`);
		return importSpec(text, {
			sourcePath: source,
			specsDir: dir,
			today: context.today,
			// The source's own names come first; then --author, then whoever committed the file first.
			fallbackAuthor: values.author?.trim() || git.get(source)!.firstAuthor,
			fallbackDate: git.get(source)!.lastDate ?? context.today,
			fileExists: (path) => existsSync(onDisk(path)),
			...(targets ? { targets } : {}),
		});
	};
	// Two passes. The first decides which docs become which specs; the second converts them again
	// with those targets, so links between the imported docs follow them (and a link to a doc that
	// could not be imported keeps pointing at that doc).
	const existing = await existingSpecs(dir, context);
	const targets = new Map<string, string>();
	const refused = new Map<string, ImportedFile>();
	for (const source of sources) {
		let result: ImportResult;
		try {
			result = convert(source);
		} catch (error) {
			if (!(error instanceof ImportError)) throw error;
			refused.set(source, failed(source, null, error.message));
			continue;
		}
		// One id, one page: `quotas.md` beside `quotas.mdx`, or `Rate-Limits.md`, would be the same spec.
		const id = specIdFromPath(dir, result.target);
		const sameId = existing.ids.get(id) ?? ((await lstat(onDisk(result.target)).then(() => true, () => false)) ? result.target : undefined);
		const sameFeature = existing.features.get(result.feature.toLowerCase());
		const error = sameId ? `${sameId} already exists${sameId === result.target ? '' : ` as spec "${id}"`}; not overwriting it` : sameFeature ? `${sameFeature.path} already has the feature "${result.feature}"` : undefined;
		if (error) {
			refused.set(source, failed(source, result.target, error));
			continue;
		}
		existing.ids.set(id, result.target);
		existing.features.set(result.feature.toLowerCase(), { path: result.target, feature: result.feature });
		targets.set(source, result.target);
	}
	const files: ImportedFile[] = [];
	for (const source of sources) {
		if (refused.has(source)) {
			files.push(refused.get(source)!);
			continue;
		}
		const result = convert(source, targets);
		if (!values['dry-run']) {
			await mkdir(resolve(onDisk(result.target), '..'), { recursive: true });
			await writeFile(onDisk(result.target), result.markdown, { flag: 'wx' });
		}
		const problems = result.errors.map((each) => `${each.file}:${each.line}:${each.column}: ${each.message}`);
		files.push({
			source,
			target: result.target,
			feature: result.feature,
			authors: result.authors,
			lastUpdated: result.lastUpdated,
			status: result.status,
			originalStatus: result.originalStatus,
			sectionsFilled: result.sectionsFilled,
			sectionsAdded: result.sectionsAdded,
			needsAuthor: result.needsAuthor,
			...(problems.length ? { error: `${values['dry-run'] ? 'would be written' : 'written'}, but check reports ${problems.length === 1 ? 'an error' : `${problems.length} errors`} to fix: ${problems.join('; ')}` } : {}),
		});
	}
	const exitCode = files.some((file) => file.error) ? 1 : 0;
	const output = values.format === 'json' ? JSON.stringify({ files }, null, 2) : textReport(files, values['dry-run']);
	return { output, exitCode };
}

function failed(source: string, target: string | null, error: string): ImportedFile {
	return { source, target, feature: null, authors: [], lastUpdated: null, status: null, originalStatus: null, sectionsFilled: [], sectionsAdded: [], needsAuthor: [], error };
}

/** Markdown files under a folder (relative to `cwd`), sorted; hidden folders and node_modules skipped. */
async function markdownFiles(folder: string, cwd: string): Promise<string[]> {
	const root = resolve(cwd, folder);
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && /\.(?:md|markdown|mdx)$/iu.test(entry.name))
		.map((entry) => resolve(entry.parentPath, entry.name))
		// Hidden names are judged inside the folder: the folder itself may be `../docs`, outside the working directory.
		.filter((file) => !relativePath(root, file).split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
		.map((file) => relativePath(cwd, file))
		.sort();
}

function textReport(files: readonly ImportedFile[], dryRun: boolean): string {
	const lines: string[] = [];
	for (const file of files) {
		lines.push(`${file.source} → ${file.target ?? '(no target)'}`);
		if (file.feature !== null) {
			const was = file.originalStatus ? ` (was "${file.originalStatus}")` : ' (the source has none)';
			lines.push(`  mapped: Feature "${file.feature}"; Author(s) ${file.authors.join(', ')}; Last Updated ${file.lastUpdated}; Status ${file.status}${was}`);
			lines.push(`  sections from the source: ${file.sectionsFilled.join(', ') || 'none'}${file.sectionsAdded.length ? `; added: ${file.sectionsAdded.join(', ')}` : ''}`);
			if (file.needsAuthor.length) lines.push(`  still needs the author (${file.needsAuthor.length}):`, ...file.needsAuthor.map((need) => `    - ${need}`));
		}
		if (file.error) lines.push(`  error: ${file.error}`);
	}
	// A spec written with errors to fix was imported all the same: it is on disk, the author's to finish.
	const imported = files.filter((file) => file.feature !== null);
	const withErrors = imported.filter((file) => file.error).length;
	const fix = withErrors ? `, ${withErrors} with errors to fix` : '';
	lines.push(`${dryRun ? 'Would import' : 'Imported'} ${imported.length} of ${files.length} file${files.length === 1 ? '' : 's'}${fix}${dryRun ? ' (dry run: nothing written)' : ''}.`);
	return lines.join('\n');
}
