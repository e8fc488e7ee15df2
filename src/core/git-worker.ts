/** The worker of readGitHistoryInWorker() (./git.ts): reads the history and sends it back, timed. */
import { parentPort, workerData } from 'node:worker_threads';
import { readGitHistory } from './git.ts';

const { dir, cwd, options, startedAt } = workerData as { dir: string; cwd: string; options: { statuses?: boolean }; startedAt: number };
const history = readGitHistory(dir, cwd, options);
parentPort?.postMessage({ history, readMs: performance.timeOrigin + performance.now() - startedAt });
