/**
 * `npm run check -- [--dir specs] [--format text|json|github] [files…]`
 * Validates specs without an Astro build. Exit 0: no errors (warnings allowed); 1: errors; 2: bad usage.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliContext } from '../../context.ts';
import { combineAnalyses, listSpecFiles, readGitHistory, relativePath } from '../../core/index.ts';
import { analyzePaths } from '../../core/parallel.ts';
import { REPORTERS, type ReporterName } from '../reporters.ts';
import { UsageError, type CliResult } from '../run.ts';

export const USAGE = 'usage: npm run check -- [--dir specs] [--format text|json|github] [--no-git] [files or folders…]';

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

	// The whole folder is always read, so cross-spec rules (unique features, supersedes) see every spec.
	const folder = await listSpecFiles(dir, context.cwd);
	const named: string[] = [];
	for (const path of positionals.map(inCwd)) {
		if (!existsSync(onDisk(path))) throw new UsageError(`no such file: ${path}`);
		// A folder names the specs under it; ids stay relative to the specs folder.
		if (statSync(onDisk(path)).isDirectory()) named.push(...folder.filter((file) => file.startsWith(`${path}/`) || path === '.'));
		else named.push(path);
	}
	const paths = [...folder, ...named.filter((path) => !folder.includes(path))];
	// check reports findings only: the stale check needs when files changed, not their statuses.
	const git = values.git ? readGitHistory(dir, context.cwd, { statuses: false }) : undefined;
	// Said once, on stderr, so JSON output stays clean.
	if (git?.kind === 'shallow') process.stderr.write('note: shallow git clone: the Last Updated vs git history check is skipped (fetch full history to run it).\n');
	const options = { specsDir: dir, today: context.today, mdx: context.mdx };
	const analysed = await analyzePaths(paths, { cwd: context.cwd, maxFileBytes: context.maxFileBytes }, options);
	const { diagnostics } = combineAnalyses(analysed, { ...options, fileExists: (path) => existsSync(onDisk(path)), ...(git ? { git } : {}) });
	const shown = named.length ? diagnostics.filter((diagnostic) => named.includes(diagnostic.file)) : diagnostics;
	const output = REPORTERS[values.format as ReporterName]({ diagnostics: shown, fileCount: named.length || folder.length });
	return { output, exitCode: shown.some((diagnostic) => diagnostic.severity === 'error') ? 1 : 0 };
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
