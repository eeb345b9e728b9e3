// Settings of `npm run bench`, from BENCH_* environment variables (with defaults that keep a
// full run near four minutes on two cores) and the command line (`--profile`).

import { SERVER_IDS, type ServerId, type WorkloadId } from './targets.js';

export interface BenchOptions {
  /** Measured rounds; each round runs every server on every workload once (interleaved). */
  rounds: number;
  /** Length of one measured window, per server and workload. */
  seconds: number;
  /** Warm-up per server and workload before the first round (JIT, caches), not recorded. */
  warmupSeconds: number;
  /** Unrecorded lead-in at the start of every window (new connections, idle server). */
  roundWarmupMs: number;
  concurrency: number;
  /** Longest wait, before each window, for other processes to leave the machine (near) idle. */
  quietWaitSeconds: number;
  coldStarts: number;
  /** Build and measure the deployment package (`packageApp()` of `npm run package`). */
  packageSize: boolean;
  /**
   * Fully parse and check every n-th response (every response is status-checked). 256: parsing
   * every 16th of our 51 KB tools/list answers made the load generator the bottleneck.
   */
  checkEvery: number;
  profile: boolean;
  profileSeconds: number;
  /** Which server `--profile` profiles (ours unless BENCH_PROFILE_SERVER names a reference). */
  profileServer: ServerId;
  /** Which workload `--profile` drives: `call` (default), `list` or, for ours, `call-cheap`. */
  profileWorkload: WorkloadId;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number (got "${raw}")`);
  return value;
}

function profileServer(raw: string | undefined): ServerId {
  if (raw === undefined || raw === '') return 'ours';
  const id = SERVER_IDS.find((candidate) => candidate === raw);
  if (!id) throw new Error(`BENCH_PROFILE_SERVER must be one of ${SERVER_IDS.join(', ')} (got "${raw}")`);
  return id;
}

function profileWorkload(raw: string | undefined): WorkloadId {
  if (raw === undefined || raw === '') return 'call';
  const workloads: readonly WorkloadId[] = ['list', 'call', 'call-cheap'];
  const workload = workloads.find((candidate) => candidate === raw);
  if (!workload) throw new Error(`BENCH_PROFILE_WORKLOAD must be one of ${workloads.join(', ')} (got "${raw}")`);
  return workload;
}

export function readBenchOptions(env: NodeJS.ProcessEnv, argv: readonly string[]): BenchOptions {
  const unknown = argv.filter((arg) => arg !== '--profile');
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(' ')} (the only flag is --profile)`);
  return {
    rounds: Math.max(1, Math.round(positiveNumber(env, 'BENCH_ROUNDS', 5))),
    seconds: positiveNumber(env, 'BENCH_SECONDS', 3),
    warmupSeconds: positiveNumber(env, 'BENCH_WARMUP_SECONDS', 2),
    roundWarmupMs: positiveNumber(env, 'BENCH_ROUND_WARMUP_MS', 500),
    concurrency: Math.max(1, Math.round(positiveNumber(env, 'BENCH_CONCURRENCY', 32))),
    quietWaitSeconds: positiveNumber(env, 'BENCH_QUIET_WAIT_SECONDS', 2),
    coldStarts: Math.max(1, Math.round(positiveNumber(env, 'BENCH_COLD_STARTS', 5))),
    packageSize: env.BENCH_PACKAGE !== '0',
    checkEvery: Math.max(1, Math.round(positiveNumber(env, 'BENCH_CHECK_EVERY', 256))),
    profile: argv.includes('--profile'),
    profileSeconds: positiveNumber(env, 'BENCH_PROFILE_SECONDS', 10),
    profileServer: profileServer(env.BENCH_PROFILE_SERVER),
    profileWorkload: profileWorkload(env.BENCH_PROFILE_WORKLOAD),
  };
}

export const OPTION_HELP = `BENCH_ROUNDS (5), BENCH_SECONDS (3), BENCH_WARMUP_SECONDS (2), BENCH_ROUND_WARMUP_MS (500),
BENCH_CONCURRENCY (32), BENCH_QUIET_WAIT_SECONDS (2), BENCH_COLD_STARTS (5), BENCH_PACKAGE (1; 0 skips packaging), BENCH_CHECK_EVERY (256),
with --profile: BENCH_PROFILE_SECONDS (10), BENCH_PROFILE_SERVER (ours; bare, v1, v1-tuned, v2), BENCH_PROFILE_WORKLOAD (call; list, call-cheap)`;
