/**
 * `npm run check -- [--dir specs] [--format text|json|github] [files…]`
 * Validates specs without an Astro build. Exit 0: no errors (warnings allowed); 1: errors; 2: bad usage.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { combineAnalyses, listSpecFiles, readGitHistory } from '../../core/index.ts';
import { analyzePaths } from '../../core/parallel.ts';
import { loadConfig } from '../config.ts';
import { REPORTERS, type ReporterName } from '../reporters.ts';
import { runCli, UsageError } from '../run.ts';

const USAGE = 'usage: npm run check -- [--dir specs] [--format text|json|github] [--no-git] [files or folders…]';

runCli(USAGE, async (argv) => {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		allowNegative: true,
		options: {
			dir: { type: 'string', default: process.env['SPECS_DIR'] || 'specs' },
			format: { type: 'string', default: 'text' },
			git: { type: 'boolean', default: true },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) return { output: USAGE, exitCode: 0 };
	recoverNpmSwallowedOptions(values, positionals);
	if (!(values.format in REPORTERS)) throw new UsageError(`unknown format "${values.format}": use text, json or github`);
	const dir = toCwdRelative(values.dir);
	if (!existsSync(dir)) throw new UsageError(`specs folder "${dir}" does not exist`);

	// The whole folder is always read, so cross-spec rules (unique features, supersedes) see every spec.
	const config = await loadConfig();
	const folder = await listSpecFiles(dir);
	const named: string[] = [];
	for (const path of positionals.map(toCwdRelative)) {
		if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
		// A folder names the specs under it; ids stay relative to the specs folder.
		if (statSync(path).isDirectory()) named.push(...folder.filter((file) => file.startsWith(`${path}/`) || path === '.'));
		else named.push(path);
	}
	const paths = [...folder, ...named.filter((path) => !folder.includes(path))];
	const git = values.git ? readGitHistory(dir) : undefined;
	// Said once, on stderr, so JSON output stays clean.
	if (git?.kind === 'shallow') process.stderr.write('note: shallow git clone: the Last Updated vs git history check is skipped (fetch full history to run it).\n');
	// SPECBOOK_TODAY fixes "today" for reproducible runs, as it does for the build.
	const today = process.env['SPECBOOK_TODAY']?.trim() || undefined;
	const options = { specsDir: dir, mdx: config.mdx, ...(today ? { today } : {}) };
	const analysed = await analyzePaths(paths, { maxFileBytes: config.maxFileBytes }, options);
	const { diagnostics } = combineAnalyses(analysed, { ...options, ...(today ? { scheduleToday: today } : {}), ...(git ? { git } : {}) });
	const shown = named.length ? diagnostics.filter((diagnostic) => named.includes(diagnostic.file)) : diagnostics;
	const output = REPORTERS[values.format as ReporterName]({ diagnostics: shown, fileCount: named.length || folder.length });
	return { output, exitCode: shown.some((diagnostic) => diagnostic.severity === 'error') ? 1 : 0 };
});

/**
 * `npm run check --format json --dir x` (without `--`) makes npm take `--format` and `--dir` as its
 * own options and pass only `json` and `x` on (it then sets npm_config_dir). Read those back: a
 * positional that names a format (and no file) is the format; a folder after a swallowed `--dir`
 * is the specs folder.
 */
function recoverNpmSwallowedOptions(values: { format: string; dir: string }, positionals: string[]): void {
	const npmTookDir = process.env['npm_config_dir'] !== undefined;
	for (let index = positionals.length - 1; index >= 0; index--) {
		const value = positionals[index]!;
		if (value in REPORTERS && !existsSync(value)) {
			values.format = value;
			positionals.splice(index, 1);
		} else if (npmTookDir && existsSync(value) && statSync(value).isDirectory()) {
			values.dir = value;
			positionals.splice(index, 1);
		}
	}
}

function toCwdRelative(path: string): string {
	return relative(process.cwd(), resolve(path)).split(sep).join('/') || '.';
}
