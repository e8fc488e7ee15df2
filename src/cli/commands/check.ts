/**
 * `npm run check -- [--dir specs] [--format text|json|github] [--fix] [files…]`
 * Validates specs without an Astro build. Exit 0: no errors (warnings allowed); 1: errors; 2: bad usage.
 * With `--fix`, the safe fixes (src/core/fix.ts) are written first, and what is left is reported.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliContext } from '../../context.ts';
import { combineAnalyses, listSpecFiles, pathInSpecsDir, readGitHistory, relativePath } from '../../core/index.ts';
import { FIXABLE_CODES, fixSource } from '../../core/fix.ts';
import { analyzePaths, type Analysed } from '../../core/parallel.ts';
import { REPORTERS, type FileFix, type ReporterName } from '../reporters.ts';
import { UsageError, type CliResult } from '../run.ts';

export const USAGE = 'usage: npm run check -- [--dir specs] [--format text|json|github] [--no-git] [--fix] [files or folders…]';

/** Runs `check` with `argv` (the arguments after the command) in `context`. */
export async function check(argv: string[], context: CliContext): Promise<CliResult> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		allowNegative: true,
		options: {
			dir: { type: 'string', default: context.specsDir },
			format: { type: 'string', default: 'text' },
			git: { type: 'boolean', default: true },
			fix: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) return { output: USAGE, exitCode: 0 };
	// Arguments name files as the shell sees them: relative to the context's working directory.
	const onDisk = (path: string) => resolve(context.cwd, path);
	const inCwd = (path: string) => relativePath(context.cwd, onDisk(path));
	recoverNpmSwallowedOptions(values, positionals, context.npmTookDir, onDisk);
	if (!(values.format in REPORTERS)) throw new UsageError(`unknown format "${values.format}": use text, json or github`);
	const dir = inCwd(values.dir);
	if (!existsSync(onDisk(dir))) throw new UsageError(`specs folder "${dir}" does not exist`);
	if (!statSync(onDisk(dir)).isDirectory()) throw new UsageError(`"${dir}" is a file, not a specs folder: name the folder with --dir, and files after it`);

	// The whole folder is always read, so cross-spec rules (unique features, supersedes) see every spec.
	const folder = await listSpecFiles(dir, context.cwd);
	const named: string[] = [];
	for (const path of positionals.map(inCwd)) {
		if (!existsSync(onDisk(path))) throw new UsageError(`no such file: ${path}`);
		if (!statSync(onDisk(path)).isDirectory()) named.push(path);
		// A folder names the specs under it; ids stay relative to the specs folder.
		else if (isInside(path, dir) || isInside(dir, path)) named.push(...folder.filter((file) => isInside(file, path)));
		// A folder apart from the specs folder is checked as its files would be, rather than silently naming nothing.
		else named.push(...(await listSpecFiles(path, context.cwd)));
	}
	const paths = [...folder, ...named.filter((path) => !folder.includes(path))];
	// check reports findings only: the stale check needs when files changed, not their statuses.
	const git = values.git ? await readGitHistory(dir, context.cwd, { statuses: false }) : undefined;
	// Said once, on stderr, so JSON output stays clean.
	if (git?.kind === 'shallow') process.stderr.write('note: shallow git clone: the Last Updated vs git history check is skipped (fetch full history to run it).\n');
	const options = { specsDir: dir, today: context.today, mdx: context.mdx };
	const read = { cwd: context.cwd, maxFileBytes: context.maxFileBytes };
	let analysed = await analyzePaths(paths, read, options);
	let fixes: FileFix[] | undefined;
	if (values.fix) {
		fixes = await applyFixes(analysed, positionals.length > 0 ? named : folder, onDisk);
		// The fixed files are read again: what is left of them is reported as usual.
		if (fixes.length) {
			const again = new Map((await analyzePaths(fixes.map(({ file }) => file), read, options)).map((entry) => [entry.path, entry]));
			analysed = analysed.map((entry) => again.get(entry.path) ?? entry);
		}
	}
	const scoped = positionals.length > 0;
	const { diagnostics } = combineAnalyses(analysed, { ...options, fileExists: (path) => existsSync(onDisk(path)), ...(git ? { git } : {}), ...(scoped ? { focus: new Set(named) } : {}) });
	const shown = scoped ? diagnostics.filter((diagnostic) => named.includes(diagnostic.file)) : diagnostics;
	const output = REPORTERS[values.format as ReporterName]({ diagnostics: shown, fileCount: scoped ? named.length : folder.length, ...(fixes ? { fixes } : {}) });
	return { output, exitCode: shown.some((diagnostic) => diagnostic.severity === 'error') ? 1 : 0 };
}

const FIXABLE: ReadonlySet<string> = new Set(FIXABLE_CODES);

/** Whether `path` is `dir` or under it (both relative to the working directory, as inCwd() gives them). */
const isInside = (path: string, dir: string) => path === dir || pathInSpecsDir(path, dir) !== undefined;

/**
 * Writes the safe fixes into the files of `scope` that `check` found a fixable problem in (no other
 * file has one), and returns what changed, per file. The file is read again as bytes are on disk:
 * only the fixed text changes, its BOM and line ends stay.
 */
async function applyFixes(analysed: readonly Analysed[], scope: readonly string[], onDisk: (path: string) => string): Promise<FileFix[]> {
	const inScope = new Set(scope);
	const fixable = analysed.filter(({ path, analysis }) => inScope.has(path) && analysis.diagnostics.some((diagnostic) => FIXABLE.has(diagnostic.code)));
	const changed: FileFix[] = [];
	for (const { path } of fixable) {
		const source = await readFile(onDisk(path), 'utf8');
		const fixed = fixSource(source, path);
		if (fixed.fixes.length === 0) continue;
		await writeFile(onDisk(path), fixed.source, 'utf8');
		changed.push({ file: path, fixes: fixed.fixes });
	}
	return changed;
}

/**
 * `npm run check --format json --dir x` (without `--`) makes npm take `--format` and `--dir` as its
 * own options and pass only `json` and `x` on (it then sets npm_config_dir). Read those back: a
 * positional that names a format (and no file) is the format; a folder after a swallowed `--dir`
 * is the specs folder.
 */
function recoverNpmSwallowedOptions(values: { format: string; dir: string }, positionals: string[], npmTookDir: boolean, onDisk: (path: string) => string): void {
	for (let index = positionals.length - 1; index >= 0; index--) {
		const value = positionals[index]!;
		if (value in REPORTERS && !existsSync(onDisk(value))) {
			values.format = value;
			positionals.splice(index, 1);
		} else if (npmTookDir && existsSync(onDisk(value)) && statSync(onDisk(value)).isDirectory()) {
			values.dir = value;
			positionals.splice(index, 1);
		}
	}
}
