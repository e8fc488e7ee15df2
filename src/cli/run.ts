/**
 * Shared shell of the CLI commands: usage errors exit 2 with a one-line message, unexpected
 * failures exit 2 with the reason, never a stack trace.
 */

/** Bad arguments: printed with the usage line, exit code 2. */
export class UsageError extends Error {}

export interface CliResult {
	/** What the command prints on stdout (its result). */
	output?: string;
	/** A refusal or failure to print on stderr. */
	error?: string;
	exitCode: number;
}

export function runCli(usage: string, main: (argv: string[]) => Promise<CliResult>): void {
	main(process.argv.slice(2)).then(
		({ output, error, exitCode }) => {
			if (output) process.stdout.write(`${output}\n`);
			if (error) process.stderr.write(`error: ${error}\n`);
			process.exitCode = exitCode;
		},
		(error: unknown) => {
			const message = error instanceof Error ? error.message : String(error);
			const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
			process.stderr.write(isUsage ? `error: ${message}\n${usage}\n` : `error: ${message}\n`);
			process.exitCode = 2;
		}
	);
}
