/**
 * Samples a process tree from Linux's /proc while it runs: the largest resident set any one of
 * its processes reached, and the CPU time each used.
 *
 * GNU time sees only descendants their parents waited for. A build's Pagefind service is a child
 * that Node may not wait for before it exits (whether it does varies from run to run), and then
 * its memory and CPU time, the build's largest, were missing from the figures.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** What the samples saw. */
export interface TreeSample {
	/** Largest resident set of any process in the tree, MB. */
	peakRssMb: number;
	/** User + system CPU time of every process seen in the tree, as last sampled, ms. */
	cpuMs: number;
}

const PAGE_BYTES = 4096;
/** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
	ppid: number;
	cpuTicks: number;
	rssPages: number;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function readStat(pid: number): ProcStat | undefined {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		// After the name: state(0) ppid(1) … utime(11) stime(12) … rss(21).
		return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), rssPages: Number(fields[21]) };
	} catch {
		return undefined;
	}
}

/**
 * Starts sampling the tree under `rootPid` every `intervalMs`. `stop()` takes a last sample and
 * returns what was seen, or null where /proc cannot be read (not Linux).
 */
export function sampleProcessTree(rootPid: number, intervalMs = 200): { stop(): TreeSample | null } {
	let readable = true;
	let peakRssPages = 0;
	const cpuTicksByPid = new Map<number, number>();
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
		const inTree = (pid: number): boolean => {
			for (let current: number | undefined = pid; current !== undefined && current > 1; current = stats.get(current)?.ppid) {
				if (current === rootPid) return true;
			}
			return false;
		};
		for (const [pid, stat] of stats) {
			if (!inTree(pid)) continue;
			peakRssPages = Math.max(peakRssPages, stat.rssPages);
			cpuTicksByPid.set(pid, stat.cpuTicks);
		}
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			sample();
			if (!readable) return null;
			const cpuTicks = [...cpuTicksByPid.values()].reduce((sum, ticks) => sum + ticks, 0);
			return { peakRssMb: Math.round((peakRssPages * PAGE_BYTES) / 2 ** 20), cpuMs: Math.round((cpuTicks * 1000) / TICKS_PER_SECOND) };
		},
	};
}
