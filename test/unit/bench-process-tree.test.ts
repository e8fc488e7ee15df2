/**
 * The benchmark's process measurements (bench/measure.ts with bench/process-tree.ts) count a
 * descendant its parent never waited for, as a build's Pagefind service may be: its memory and CPU
 * time were missing from GNU time's figures.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timeProcess } from '../../bench/measure.ts';

/** A parent that starts a child using ~300 MB and a second of CPU, then exits without waiting for it. */
const ABANDONING_PARENT = `
const { spawn } = require('node:child_process');
spawn(process.execPath, ['-e', 'const b = Buffer.alloc(300 * 2 ** 20, 1); const end = Date.now() + 1500; while (Date.now() < end);'], { stdio: 'ignore' }).unref();
setTimeout(() => process.exit(0), 1300);
`;

describe.runIf(existsSync('/proc/self/stat'))('timeProcess', () => {
	it('counts the memory and CPU time of a child nobody waited for', async () => {
		const usage = await timeProcess(process.execPath, ['-e', ABANDONING_PARENT]);
		expect(usage.exitCode).toBe(0);
		expect(usage.peakRssMb).toBeGreaterThanOrEqual(250);
		expect(usage.cpuMs).toBeGreaterThanOrEqual(700);
	});
});
