/** One worker of ./parallel.ts: analyses files from the shared counter until none are left. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeShare, type WorkerData } from './parallel.ts';

const { input, next } = workerData as WorkerData;
parentPort?.postMessage(await analyzeShare(input, next));
