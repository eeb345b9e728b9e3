// Reads CPU time and resident memory from /proc (Linux): a process's CPU time (for CPU per
// request over a measured window), its peak RSS under load, and the whole machine's busy time
// (to tell how much CPU something other than the server and the load generator took).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU time of `pid` in milliseconds (utime + stime of /proc/<pid>/stat). */
export function cpuTimeMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clockTicks();
}

/** Busy time of all cores together in milliseconds (/proc/stat: everything but idle and iowait). */
export function machineBusyMs(): number {
  const line = fs.readFileSync('/proc/stat', 'latin1').split('\n', 1)[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest time is inside user).
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / clockTicks();
}

/** Waits (up to `maxWaitMs`) until the machine, with our servers idle, uses under a fifth of a core. */
export async function waitForQuiet(maxWaitMs: number): Promise<boolean> {
  const SLICE_MS = 250;
  for (let waited = 0; ; waited += SLICE_MS) {
    const before = machineBusyMs();
    await new Promise((resolve) => setTimeout(resolve, SLICE_MS));
    if ((machineBusyMs() - before) / SLICE_MS < 0.2) return true;
    if (waited >= maxWaitMs) return false;
  }
}

/** Resident set size of `pid` in bytes (VmRSS of /proc/<pid>/status), or undefined once it has exited. */
export function rssBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match?.[1] ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples the RSS of some processes every `intervalMs` and keeps each one's maximum (bytes). */
export class RssSampler {
  private readonly peaks = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  start(pids: readonly number[], intervalMs = 100): void {
    this.stop();
    this.timer = setInterval(() => {
      for (const pid of pids) {
        const rss = rssBytes(pid);
        if (rss !== undefined && rss > (this.peaks.get(pid) ?? 0)) this.peaks.set(pid, rss);
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  peak(pid: number): number | undefined {
    return this.peaks.get(pid);
  }
}
