#!/usr/bin/env node
/**
 * The package's bin: `specbook check|new|import …`, the same commands, options and output as
 * `npm run check`, `npm run new` and `npm run import` in this repository (./check.ts, ./new.ts, ./import.ts). Installed, it runs
 * from the compiled copy (dist-js/cli/specbook.js, built by `prepack`): Node does not strip types
 * inside node_modules.
 */
import { inheritedEnvironment, resolveCliContext } from '../context.ts';
import type { CliResult } from './run.ts';
import { enableCompileCache } from './compile-cache.ts';

interface Command {
	run: (argv: string[], context: Awaited<ReturnType<typeof resolveCliContext>>) => Promise<CliResult>;
	usage: string;
}

/** Each command's module, imported only when asked for (after the compile cache is on). */
const COMMANDS: Record<string, () => Promise<Command>> = {
	check: async () => {
		const { check, USAGE } = await import('./commands/check.ts');
		return { run: check, usage: USAGE };
	},
	new: async () => {
		const { scaffold, USAGE } = await import('./commands/new.ts');
		return { run: scaffold, usage: USAGE };
	},
	import: async () => {
		const { importDocs, USAGE } = await import('./commands/import.ts');
		return { run: importDocs, usage: USAGE };
	},
};

const USAGE = `usage: specbook <command> [options]\ncommands: ${Object.keys(COMMANDS).join(', ')} (\`specbook <command> --help\`)`;

enableCompileCache(inheritedEnvironment());
const [name, ...argv] = process.argv.slice(2);
const load = name === undefined ? undefined : COMMANDS[name];
if (load) {
	const [{ run, usage }, { runCli }] = await Promise.all([load(), import('./run.ts')]);
	// The context is resolved once, here, and handed to the command.
	runCli(usage, async () => run(argv, await resolveCliContext()));
} else {
	process.stderr.write(name === undefined || name === '--help' || name === '-h' ? `${USAGE}\n` : `error: unknown command "${name}"\n${USAGE}\n`);
	process.exitCode = name === '--help' || name === '-h' ? 0 : 2;
}
