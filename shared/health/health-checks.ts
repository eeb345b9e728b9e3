// Liveness (the process answers) and readiness (the store is reachable and seeded), as plain
// functions over the store so the HTTP layer only maps them to 200/503.
import type { ContosoStore } from '../storage/contoso-store.js';
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
