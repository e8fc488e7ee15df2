/** One worker of ./parallel.ts: analyses files from the shared counter until none are left. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeWorkerShare, type WorkerData } from './parallel.ts';

parentPort?.postMessage(await analyzeWorkerShare(workerData as WorkerData));
