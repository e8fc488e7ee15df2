/** One worker of src/cli/parallel.ts: reads and analyses its share of the spec files. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeInThisThread, type WorkerInput } from './parallel.ts';

parentPort?.postMessage(await analyzeInThisThread(workerData as WorkerInput));
