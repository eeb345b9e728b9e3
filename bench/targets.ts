// The servers under test and what the bench sends each of them: our local host (production
// settings: local auth on, warn-level logs, a pre-seeded store) and the four references, with
// the workloads that are compared (tools/list ↔ tools/list, our tools ↔ the trivial tool).
import path from 'node:path';
import { loadOrCreateLocalIssuer } from '../shared/auth/local-issuer.js';
import { TRIVIAL_TOOL_ARGUMENTS, TRIVIAL_TOOL_NAME } from './references/trivial-tool.js';
import type { McpCall } from './load/mcp-requests.js';
import type { LaunchSpec } from './server-process.js';

export type ServerId = 'ours' | 'bare' | 'v1' | 'v1-tuned' | 'v2';
/** `call-cheap` exists only for our server: its cheapest tool, next to the references' trivial one. */
export type WorkloadId = 'list' | 'call' | 'call-cheap';

export const SERVER_IDS: readonly ServerId[] = ['ours', 'bare', 'v1', 'v1-tuned', 'v2'];
export const REFERENCE_IDS = ['bare', 'v1', 'v1-tuned', 'v2'] as const satisfies readonly ServerId[];

export const SERVER_LABELS: Readonly<Record<ServerId, string>> = {
  ours: 'ours (local host, auth on)',
  bare: 'bare node:http',
  v1: 'v1 SDK reference',
  'v1-tuned': 'v1 SDK reference, tuned',
  v2: 'v2 SDK reference',
};

/** Seed anchor of the bench store (any fixed date keeps runs comparable). */
export const BENCH_ANCHOR_DATE = '2026-06-15';

/** Settings of our local host in the bench: those of `npm start`, with a temporary store. */
export function oursEnv(dataDir: string): Record<string, string> {
  return {
    AUTH_MODE: 'local',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    SEED_ANCHOR_DATE: BENCH_ANCHOR_DATE,
    LOCAL_FUNCTION_KEY: 'bench-function-key',
    // The app as deployed without SCHEDULER_URL: no development scheduler in the measured process.
    DEV_SCHEDULER: 'off',
  };
}

export function launchSpec(id: ServerId, dataDir: string, nodeArgs: readonly string[] = []): LaunchSpec {
  if (id === 'ours') return { script: 'dist/app/local-host.js', nodeArgs, env: oursEnv(dataDir), ready: /Press Ctrl\+C/ };
  return { script: `dist-bench/bench/references/${id}-server.js`, nodeArgs, env: {}, ready: /^listening \d+$/m };
}

export function mcpPath(id: ServerId): string {
  return id === 'ours' ? '/api/mcp' : '/mcp';
}

/** The call each server gets for a workload; undefined where the server does not run it. */
export function workloadCall(id: ServerId, workload: WorkloadId): McpCall | undefined {
  if (workload === 'list') return { method: 'tools/list' };
  if (id === 'ours') {
    return workload === 'call'
      ? { method: 'tools/call', params: { name: 'get_customer_detail', arguments: { customer_id: 101 } } }
      : { method: 'tools/call', params: { name: 'get_product_detail', arguments: { product_id: 1 } } };
  }
  return workload === 'call' ? { method: 'tools/call', params: { name: TRIVIAL_TOOL_NAME, arguments: { ...TRIVIAL_TOOL_ARGUMENTS } } } : undefined;
}

export function workloadLabel(id: ServerId, workload: WorkloadId): string {
  const call = workloadCall(id, workload);
  return call?.params ? `tools/call ${call.params.name}` : 'tools/list';
}

/**
 * A bearer token from the local issuer whose key file lives in `dataDir` (created there if
 * missing; the server loads the same file), carrying every app role like `npm start`'s token.
 * Audience, tenant and scope are the local defaults of the settings.
 */
export async function mintBenchToken(dataDir: string): Promise<string> {
  const issuer = await loadOrCreateLocalIssuer(path.join(dataDir, 'local-issuer-key.json'), { now: () => new Date() });
  return issuer.mint({
    sub: 'bench',
    tid: '00000000-0000-0000-0000-00000000c0de',
    roles: ['support.write', 'security', 'admin'],
    scope: 'MCP.Access',
    audience: 'api://contoso-mcp-local',
    expiresInSeconds: 4 * 3600,
  });
}
