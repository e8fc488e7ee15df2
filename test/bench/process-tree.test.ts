/**
 * The benchmark's process measurements (bench/measure.ts with bench/process-tree.ts) count a
 * descendant its parent never waited for, as a build's Pagefind service may be: its memory and CPU
 * time were missing from GNU time's figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { timeProcess } from '../../bench/measure.ts';

let scratch: string | undefined;
afterEach(() => scratch && rmSync(scratch, { recursive: true, force: true }));

/**
 * A parent that starts a child, waits until the child has filled 300 MB and used a second of CPU
 * (it says so with a file), and exits without waiting for it. The child then runs on a little.
 * Measured in CPU time, not wall time, so a busy machine only makes it slower.
 */
const abandoningParent = (done: string) => `
const { spawn } = require('node:child_process');
const { existsSync, writeFileSync } = require('node:fs');
const child = \`
const buffer = Buffer.alloc(300 * 2 ** 20, 1);
while (process.cpuUsage().user < 1e6);
require('node:fs').writeFileSync(\${JSON.stringify(${JSON.stringify(done)})}, String(buffer[0]));
const end = Date.now() + 500;
while (Date.now() < end);
\`;
spawn(process.execPath, ['-e', child], { stdio: 'ignore' }).unref();
const poll = setInterval(() => {
	if (!existsSync(${JSON.stringify(done)})) return;
	clearInterval(poll);
	setTimeout(() => process.exit(0), 400);
}, 50);
`;

// Linux only, as the benchmark is: it reads /proc.
describe('timeProcess', () => {
	it('counts the memory and CPU time of a child nobody waited for', async () => {
		scratch = mkdtempSync(join(tmpdir(), 'specbook-process-tree-'));
		const usage = await timeProcess(process.execPath, ['-e', abandoningParent(join(scratch, 'done'))]);
		expect(usage.exitCode).toBe(0);
		expect(usage.peakRssMb).toBeGreaterThanOrEqual(300);
		// Per command too: the child is a node process.
		expect(usage.peakRssMbByCommand?.node).toBeGreaterThanOrEqual(300);
		expect(usage.cpuMs).toBeGreaterThanOrEqual(1000);
	}, 60_000);
});
