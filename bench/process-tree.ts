/**
 * Samples a process tree from Linux's /proc while it runs: the largest resident set any one of
 * its processes reached, and the CPU time each used.
 *
 * GNU time sees only descendants their parents waited for. A build's Pagefind service is a child
 * that Node may not wait for before it exits (whether it does varies from run to run), and then
 * its memory and CPU time, the build's largest, were missing from the figures.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

/** What the samples saw. */
export interface TreeSample {
	/** Largest resident set of any process in the tree (the kernel's own high-water mark), MB. */
	peakRssMb: number;
	/** The same, per executable file name (`node`, `pagefind_extended`), MB. */
	peakRssMbByCommand: Record<string, number>;
	/** User + system CPU time of every process seen in the tree, as last sampled, ms. */
	cpuMs: number;
}

/** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
	ppid: number;
	/** Start time since boot (ticks): with the pid, names a process even after its pid is reused. */
	startTicks: number;
	cpuTicks: number;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function readStat(pid: number): ProcStat | undefined {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		// After the name: state(0) ppid(1) … utime(11) stime(12) … starttime(19).
		return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), startTicks: Number(fields[19]) };
	} catch {
		return undefined;
	}
}

/**
 * The file name of the process's executable. Not the command name in `stat`: that is its main
 * thread's name, which Node renames `MainThread`.
 */
function readExecutable(pid: number, fallback: string): string {
	try {
		return basename(readlinkSync(`/proc/${pid}/exe`));
	} catch {
		return fallback;
	}
}

/** The process's peak resident set so far (`VmHWM`), kB; 0 once it has exited. */
function readPeakRssKb(pid: number): number {
	try {
		return Number(/^VmHWM:\s+(\d+) kB$/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
	} catch {
		return 0;
	}
}

/**
 * Starts sampling the tree under `rootPid` every `intervalMs`. A process stays counted once seen
 * in the tree, even after its parent exits and it is adopted elsewhere. `stop()` takes a last
 * sample and returns what was seen, or null where /proc cannot be read (not Linux).
 */
export function sampleProcessTree(rootPid: number, intervalMs = 200): { stop(): TreeSample | null } {
	let readable = true;
	let peakRssKb = 0;
	const peakRssKbByCommand = new Map<string, number>();
	/** Processes seen in the tree, by `pid:startTicks`, with their last CPU time. */
	const tracked = new Map<string, number>();
	const sample = () => {
		let pids: number[];
		try {
			pids = readdirSync('/proc').filter((name) => /^\d+$/u.test(name)).map(Number);
		} catch {
			readable = false;
			return;
		}
		const stats = new Map<number, ProcStat>();
		for (const pid of pids) {
			const stat = readStat(pid);
			if (stat) stats.set(pid, stat);
		}
		const key = (pid: number, stat: ProcStat) => `${pid}:${stat.startTicks}`;
		const inTree = (pid: number): boolean => {
			for (let current: number | undefined = pid; current !== undefined && current > 1; current = stats.get(current)?.ppid) {
				const stat = stats.get(current);
				if (current === rootPid || (stat && tracked.has(key(current, stat)))) return true;
			}
			return false;
		};
		for (const [pid, stat] of stats) {
			if (!inTree(pid)) continue;
			tracked.set(key(pid, stat), stat.cpuTicks);
			const peak = readPeakRssKb(pid);
			peakRssKb = Math.max(peakRssKb, peak);
			// A process that has exited but is not yet reaped has no figures: it was not measured.
			if (peak === 0) continue;
			const command = readExecutable(pid, 'unknown');
			peakRssKbByCommand.set(command, Math.max(peakRssKbByCommand.get(command) ?? 0, peak));
		}
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			sample();
			if (!readable) return null;
			const cpuTicks = [...tracked.values()].reduce((sum, ticks) => sum + ticks, 0);
			const peakRssMbByCommand = Object.fromEntries([...peakRssKbByCommand].map(([command, kb]) => [command, Math.round(kb / 1024)]));
			return { peakRssMb: Math.round(peakRssKb / 1024), peakRssMbByCommand, cpuMs: Math.round((cpuTicks * 1000) / TICKS_PER_SECOND) };
		},
	};
}
