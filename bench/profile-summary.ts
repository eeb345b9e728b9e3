// Reads a V8 .cpuprofile (node --cpu-prof) and sums where the time went inside a time window:
// self time per function and per module group, and inclusive time of the frames that belong
// to the app or to the libraries it calls (the SDK, jose, zod, better-sqlite3, the Functions
// library), per request when the number of requests is known.

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface CostRow {
  name: string;
  /** Milliseconds in the window. */
  ms: number;
  /** Share of the busy (non-idle) time. */
  share: number;
  usPerRequest: number;
}

export interface ProfileSummary {
  windowMs: number;
  busyMs: number;
  idleMs: number;
  requests: number;
  topSelf: CostRow[];
  byModule: CostRow[];
  topInclusive: CostRow[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
const LIBRARIES = /node_modules\/(@modelcontextprotocol\/[^/]+|@azure\/functions|jose|zod|better-sqlite3|@hono\/node-server)\//;

/** A short name for where a frame's code lives: app folder, npm package, node internal area. */
export function moduleOf(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName)) return frame.functionName;
  const url = frame.url;
  if (url === '') return '(V8 builtins / native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg?.[1]) return pkg[1];
  const app = /\/(dist|dist-bench)\/((?:functions|dev\/host|shared\/[^/]+|bench\/[^/]+)).*$/.exec(url);
  if (app?.[2]) return `app: ${app[2]}`;
  const internal = /^node:(?:internal\/)?(deps\/[^/]+|[^/]+)/.exec(url);
  if (internal?.[1]) return `node: ${internal[1].replace(/\.js$/, '')}`;
  return url;
}

function frameName(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName) || frame.url === '') return frame.functionName || '(anonymous)';
  const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(dist\/)/, '$1');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

function isOfInterest(frame: CallFrame): boolean {
  return /\/dist\/(functions|shared|dev)\//.test(frame.url) || LIBRARIES.test(frame.url);
}

/** Sums the samples taken between `fromUs` and `toUs` (profile clock, µs). */
export function summarizeProfile(profile: CpuProfile, fromUs: number, toUs: number, requests: number, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  let idleUs = 0;
  let totalUs = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (at < fromUs || at > toUs) continue;
    const node = byId.get(profile.samples[i] as number);
    if (!node) continue;
    totalUs += us;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    add(self, frameName(node.callFrame), us);
    add(modules, moduleOf(node.callFrame), us);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame || !isOfInterest(frame)) continue;
      const name = frameName(frame);
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      seen.add(name);
    }
  }
  const busyUs = totalUs - idleUs;
  const rows = (map: Map<string, number>, limit: number): CostRow[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busyUs > 0 ? us / busyUs : 0, usPerRequest: requests > 0 ? us / requests : Number.NaN }));
  return {
    windowMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    requests,
    topSelf: rows(self, top),
    byModule: rows(modules, 20),
    topInclusive: rows(inclusive, top),
  };
}
