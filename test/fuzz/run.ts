/**
 * `npm run fuzz [-- --seconds 60] [--seed N --property NAME]`: a fuzz campaign over the analyser for
 * a set time. Batches of random cases, each batch in a worker thread with a fresh random seed, so
 * a case that hangs is caught too (the worker is stopped and its seed reported). Prints the seed,
 * the property and the shrunk counterexample of the first failure, with the command that replays
 * it, and exits 1; exits 0 when the time is up without one.
 */
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
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

if (!isMainThread) {
	parentPort!.postMessage(runBatch(workerData as Batch));
} else {
	await main();
}

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
		const outcome = await inWorker({ property, seed, runs });
		batches++;
		if (!outcome.ok) {
			console.error(outcome.report);
			process.exit(1);
		}
		cases += outcome.runs;
	}
	console.log(`No failure: ${cases} cases in ${batches} batches, ${Math.round((Date.now() - started) / 1_000)} s.`);
}

function inWorker(batch: Batch): Promise<Outcome> {
	return new Promise((resolve) => {
		const worker = new Worker(new URL(import.meta.url), { workerData: batch });
		const timer = setTimeout(() => {
			void worker.terminate();
			resolve({ ok: false, report: `HANG: property "${batch.property}", seed ${batch.seed}: no result after ${BATCH_TIMEOUT_MS / 1_000} s\nreplay: npm run fuzz -- --property "${batch.property}" --seed ${batch.seed}` });
		}, BATCH_TIMEOUT_MS);
		worker.once('message', (outcome: Outcome) => {
			clearTimeout(timer);
			void worker.terminate();
			resolve(outcome);
		});
		worker.once('error', (error) => {
			clearTimeout(timer);
			resolve({ ok: false, report: `CRASH: property "${batch.property}", seed ${batch.seed}: ${error.stack ?? error.message}\nreplay: npm run fuzz -- --property "${batch.property}" --seed ${batch.seed}` });
		});
	});
}
