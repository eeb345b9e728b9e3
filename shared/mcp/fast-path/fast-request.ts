// Recognises the requests the fast path answers without a per-request SDK server: ONE tools/list
// or tools/call, well-formed in every respect the SDK checks, without a progress token, in
// either protocol era. Anything else — batches, other methods, a cursor, a progress token, an
// unusual envelope or header, an id or params shape it does not fully understand — returns
// undefined and goes to the SDK path, which answers it (errors included) as it always did.
import type { classifyInboundRequest } from '@modelcontextprotocol/server';
import type { RequestHead } from '../../http/request-head.js';
import { LEGACY_PROTOCOL_VERSIONS } from '../protocol-versions.js';

/** The SDK's era classifier, loaded only for 2026-07-28 requests (the only ones that need it). */
export type ModernClassifier = typeof classifyInboundRequest;

export type Era = 'legacy' | 'modern';

export interface FastRequest {
  readonly method: 'tools/list' | 'tools/call';
  readonly era: Era;
  /** The JSON-RPC id, echoed in the answer. */
  readonly id: string | number;
  /** Era and negotiated version: answers cached per version never mix. */
  readonly version: string;
  /** tools/call: the tool named and its arguments (a plain object, or undefined). */
  readonly name?: string;
  readonly args?: Record<string, unknown> | undefined;
}

const MODERN_VERSION = '2026-07-28';
const ENVELOPE_KEYS = new Set([
  'io.modelcontextprotocol/protocolVersion',
  'io.modelcontextprotocol/clientInfo',
  'io.modelcontextprotocol/clientCapabilities',
]);
const MAX_ID_LENGTH = 256;
/** The latest 2025-era revision: what the SDK assumes when a request names none. */
const DEFAULT_LEGACY_VERSION = '2025-11-25';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** HTTP optional whitespace stripped, as the SDK compares header values. */
function headerValue(request: Pick<RequestHead, 'headers'>, name: string): string | undefined {
  return request.headers.get(name)?.trim();
}

/** The `_meta` of params: none, or exactly the well-formed 2026-07-28 envelope. */
function metaKind(meta: unknown): 'none' | 'envelope' | 'other' {
  if (meta === undefined) return 'none';
  if (!isPlainObject(meta)) return 'other';
  const keys = Object.keys(meta);
  if (keys.length === 0) return 'none';
  if (keys.length !== ENVELOPE_KEYS.size || !keys.every((key) => ENVELOPE_KEYS.has(key))) return 'other';
  return 'envelope';
}

/** Whether `message` carries a 2026-07-28 envelope claim (then classifying it needs the SDK's classifier). */
export function carriesEnvelope(message: unknown): boolean {
  if (!isPlainObject(message) || !isPlainObject(message.params)) return false;
  const meta = message.params._meta;
  return isPlainObject(meta) && 'io.modelcontextprotocol/protocolVersion' in meta;
}

/**
 * The request as the fast path understands it, or undefined to hand it to the SDK. A request with
 * an envelope is classified by `classifyModern` (without one it is not answered here).
 */
export function classifyFastRequest(request: Pick<RequestHead, 'headers'>, message: unknown, classifyModern?: ModernClassifier): FastRequest | undefined {
  if (!isPlainObject(message) || message.jsonrpc !== '2.0') return undefined;
  const { id, params } = message;
  const method = message.method === 'tools/list' ? 'tools/list' : message.method === 'tools/call' ? 'tools/call' : undefined;
  if (method === undefined) return undefined;
  if (!((typeof id === 'string' && id.length <= MAX_ID_LENGTH) || (typeof id === 'number' && Number.isSafeInteger(id)))) return undefined;
  if (params !== undefined && !isPlainObject(params)) return undefined;
  // Only _meta, name and arguments (a loop, not a rest object: this runs on every request).
  for (const key in params) if (key !== '_meta' && key !== 'name' && key !== 'arguments') return undefined;
  const meta = params?._meta;
  const name = params?.name;
  const args = params?.arguments;
  if (method === 'tools/list' ? name !== undefined || args !== undefined : typeof name !== 'string' || (args !== undefined && !isPlainObject(args))) {
    return undefined;
  }
  const envelope = metaKind(meta);
  if (envelope === 'other') return undefined;
  const versionHeader = headerValue(request, 'mcp-protocol-version');
  const fastRequest = (era: Era, version: string): FastRequest =>
    method === 'tools/call' ? { method, id, name: name as string, args: args as Record<string, unknown> | undefined, era, version } : { method, id, era, version };
  if (envelope === 'none') {
    // No envelope claim: the SDK routes it to the 2025 era unless the version header names 2026.
    const version = versionHeader ?? DEFAULT_LEGACY_VERSION;
    return LEGACY_PROTOCOL_VERSIONS.includes(version) ? fastRequest('legacy', version) : undefined;
  }
  if (classifyModern === undefined) return undefined;
  const methodHeader = headerValue(request, 'mcp-method');
  const nameHeader = headerValue(request, 'mcp-name');
  const route = classifyModern({
    httpMethod: 'POST',
    body: message,
    ...(versionHeader !== undefined ? { protocolVersionHeader: versionHeader } : {}),
    ...(methodHeader !== undefined ? { mcpMethodHeader: methodHeader } : {}),
    ...(nameHeader !== undefined ? { mcpNameHeader: nameHeader } : {}),
  });
  if (route.kind !== 'modern' || (meta as Record<string, unknown>)['io.modelcontextprotocol/protocolVersion'] !== MODERN_VERSION) return undefined;
  // The standard headers the SDK requires of a modern request, all present and agreeing.
  if (versionHeader !== MODERN_VERSION || methodHeader !== method) return undefined;
  if (method === 'tools/call' && nameHeader !== name) return undefined;
  return fastRequest('modern', MODERN_VERSION);
}
