// Liveness (the process answers) and readiness (the store is reachable and seeded, and how each
// other configured dependency is doing), as plain functions so the HTTP layer only maps them to
// 200/503. Only the store is required: the other dependencies serve some tools, so their being
// down degrades the app (still 200, listed) rather than taking the instance out of service.
import type { ContosoStore } from '../storage/contoso-store.js';
import type { CheckedDependency, DependencyCheck } from './dependency-check.js';
import { SERVER_INFO } from '../mcp/server-info.js';

export interface Liveness {
  status: 'ok';
  name: string;
  version: string;
  uptime_seconds: number;
}

export function liveness(): Liveness {
  return { status: 'ok', name: SERVER_INFO.name, version: SERVER_INFO.version, uptime_seconds: Math.round(process.uptime()) };
}

export interface Readiness {
  status: 'ready' | 'not_ready';
  store: string;
  seeded: boolean;
  customers: number | null;
  reason?: string;
  /** Every other configured dependency; `degraded` overall when one is not ok. */
  dependencies?: DependencyCheck[];
  degraded?: boolean;
}

/** Longest a dependency check may take before it reads as down (readiness must answer quickly). */
export const DEPENDENCY_CHECK_TIMEOUT_MS = 3000;

async function checkWithin(dependency: CheckedDependency, timeoutMs: number): Promise<DependencyCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<DependencyCheck>((resolve) => {
    timer = setTimeout(() => resolve({ name: dependency.name ?? 'dependency', status: 'down', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([
      dependency.check().catch((error: unknown): DependencyCheck => ({ name: dependency.name ?? 'dependency', status: 'down', detail: error instanceof Error ? error.name : 'error' })),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness of the store, then of each other dependency (checked in parallel, each bounded). */
export async function fullReadiness(store: ContosoStore, dependencies: readonly CheckedDependency[], timeoutMs = DEPENDENCY_CHECK_TIMEOUT_MS): Promise<Readiness> {
  const [core, checks] = await Promise.all([readiness(store), Promise.all(dependencies.map((dependency) => checkWithin(dependency, timeoutMs)))]);
  if (dependencies.length === 0) return core;
  return { ...core, degraded: checks.some((check) => check.status !== 'ok'), dependencies: checks };
}

export async function readiness(store: ContosoStore): Promise<Readiness> {
  try {
    await store.ping();
    const state = await store.seedState();
    const customers = await store.customers.count();
    if (!state) return { status: 'not_ready', store: store.kind, seeded: false, customers, reason: 'the store has not been seeded' };
    return { status: 'ready', store: store.kind, seeded: true, customers };
  } catch {
    return { status: 'not_ready', store: store.kind, seeded: false, customers: null, reason: 'the store is not reachable' };
  }
}
