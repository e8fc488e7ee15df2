/**
 * `npm run fuzz [-- --seconds 60] [--seed N --property NAME]`: a fuzz campaign over the analyser for
 * a set time. Batches of random cases, each batch in a child process with a fresh random seed, so
 * a case that hangs or crashes the process (a native parser's segmentation fault) is caught too,
 * and its seed reported. Prints the seed, the property and the shrunk counterexample of the first
 * failure, with the command that replays it, and exits 1; exits 0 when the time is up without one.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { PROPERTIES, type PropertyName } from './properties.ts';

/** Cases per batch (per worker, per seed). */
const RUNS = 200;
/** A batch that has not finished after this long is a hang. */
const BATCH_TIMEOUT_MS = 120_000;

interface Batch {
	property: PropertyName;
	seed: number;
	runs: number;
}

type Outcome = { ok: true; runs: number } | { ok: false; report: string };

function runBatch({ property, seed, runs }: Batch): Outcome {
	const details = fc.check(PROPERTIES[property], { seed, numRuns: runs, endOnFailure: false });
	if (!details.failed) return { ok: true, runs: details.numRuns };
	const example = JSON.stringify(details.counterexample, null, 1) ?? '';
	return {
		ok: false,
		report: [
			`FAILED: property "${property}", seed ${seed} (path ${details.counterexamplePath})`,
			`error: ${String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance)}`,
			`counterexample (shrunk, ${details.numShrinks} shrinks): ${example.length > 4_000 ? `${example.slice(0, 4_000)}…` : example}`,
			`replay: npm run fuzz -- --property "${property}" --seed ${seed}`,
		].join('\n'),
	};
}

/** Set in the child processes, to the batch they run (JSON). */
const BATCH_VARIABLE = 'SPECBOOK_FUZZ_BATCH';

const batchJson = process.env[BATCH_VARIABLE];
if (batchJson !== undefined) process.send!(runBatch(JSON.parse(batchJson) as Batch));
else await main();

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' }, property: { type: 'string' }, runs: { type: 'string' } },
	});
	const names = Object.keys(PROPERTIES) as PropertyName[];
	if (values.property !== undefined && !names.includes(values.property as PropertyName)) {
		console.error(`unknown property "${values.property}"; one of: ${names.join(', ')}`);
		process.exit(2);
	}
	const runs = Number(values.runs ?? RUNS);

	if (values.seed !== undefined) {
		// Replay one seed in this thread, for a debugger or a stack trace.
		const seed = Number(values.seed);
		let failed = false;
		for (const property of values.property ? [values.property as PropertyName] : names) {
			const outcome = runBatch({ property, seed, runs });
			console.log(outcome.ok ? `ok: "${property}", seed ${seed}, ${outcome.runs} cases` : outcome.report);
			failed ||= !outcome.ok;
		}
		process.exit(failed ? 1 : 0);
	}

	const deadline = Date.now() + Number(values.seconds) * 1_000;
	const started = Date.now();
	let cases = 0;
	let batches = 0;
	console.log(`Fuzzing the analyser for ${values.seconds} s (properties: ${names.join(', ')})…`);
	while (Date.now() < deadline) {
		const property = (values.property as PropertyName | undefined) ?? names[batches % names.length]!;
		const seed = Math.floor(Math.random() * 2 ** 31);
		const outcome = await inChild({ property, seed, runs });
		batches++;
		if (!outcome.ok) {
			console.error(outcome.report);
			process.exit(1);
		}
		cases += outcome.runs;
	}
	console.log(`No failure: ${cases} cases in ${batches} batches, ${Math.round((Date.now() - started) / 1_000)} s.`);
}

function inChild(batch: Batch): Promise<Outcome> {
	return new Promise((resolve) => {
		const replay = `replay: npm run fuzz -- --property "${batch.property}" --seed ${batch.seed}`;
		const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, [BATCH_VARIABLE]: JSON.stringify(batch) }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
		let stderr = '';
		child.stderr?.on('data', (chunk) => (stderr += chunk));
		let outcome: Outcome | undefined;
		const timer = setTimeout(() => {
			outcome = { ok: false, report: `HANG: property "${batch.property}", seed ${batch.seed}: no result after ${BATCH_TIMEOUT_MS / 1_000} s\n${replay}` };
			child.kill('SIGKILL');
		}, BATCH_TIMEOUT_MS);
		child.once('message', (message: Outcome) => (outcome ??= message));
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			resolve(outcome ?? { ok: false, report: `CRASH: property "${batch.property}", seed ${batch.seed}: the process ended (${signal ?? `exit code ${code}`})${stderr ? `\n${stderr.trim()}` : ''}\n${replay}` });
		});
	});
}
