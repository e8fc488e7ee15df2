/** One worker of ./parallel.ts: analyses its share of the spec files (reading them first if given paths). */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeInThisThread, type WorkerInput } from './parallel.ts';

parentPort?.postMessage(await analyzeInThisThread(workerData as WorkerInput));
