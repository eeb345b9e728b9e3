// The MCP requests the bench sends, as 2025-era stateless POSTs (no initialize, no session,
// `MCP-Protocol-Version: 2025-11-25`), pre-serialised to raw HTTP/1.1, and the check of an
// answer: JSON or SSE, a JSON-RPC result that is not a tool error.
import type { RawResponse } from './http1-response.js';

export const PROTOCOL_VERSION = '2025-11-25';

export interface McpCall {
  method: 'tools/list' | 'tools/call';
  params?: { name: string; arguments: Record<string, unknown> };
}

export interface McpTarget {
  host: string;
  port: number;
  path: string;
  /** Extra request headers (e.g. authorization). */
  headers?: Readonly<Record<string, string>>;
}

/** The full bytes of one POST carrying `call` as JSON-RPC request id 1. */
export function serializeMcpRequest(target: McpTarget, call: McpCall): Buffer {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: call.method, ...(call.params ? { params: call.params } : {}) });
  const headers: Record<string, string> = {
    host: `${target.host}:${target.port}`,
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': PROTOCOL_VERSION,
    ...target.headers,
    'content-length': String(Buffer.byteLength(body)),
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return Buffer.from(`POST ${target.path} HTTP/1.1\r\n${head}\r\n${body}`);
}

/** The JSON-RPC message of a response: the body itself, or the last `data:` event of an SSE stream. */
export function jsonRpcMessage(response: RawResponse): unknown {
  const text = response.body.toString('utf8');
  if (!response.contentType.startsWith('text/event-stream')) return JSON.parse(text);
  const data = text
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim());
  const last = data.at(-1);
  if (last === undefined) throw new Error('SSE response without a data event');
  return JSON.parse(last);
}

/** Undefined when `response` answers `call` successfully; otherwise what is wrong with it. */
export function checkMcpResponse(call: McpCall, response: RawResponse): string | undefined {
  if (response.status !== 200) return `HTTP ${response.status}: ${response.body.toString('utf8').slice(0, 200)}`;
  let message: unknown;
  try {
    message = jsonRpcMessage(response);
  } catch (error) {
    return `unreadable body (${error instanceof Error ? error.message : String(error)})`;
  }
  const result = (message as { result?: { tools?: unknown; isError?: unknown } } | null)?.result;
  if (result === undefined) return `no JSON-RPC result: ${JSON.stringify(message).slice(0, 200)}`;
  if (call.method === 'tools/list' && !(Array.isArray(result.tools) && result.tools.length > 0)) return 'tools/list returned no tools';
  if (call.method === 'tools/call' && result.isError === true) return `tool error: ${JSON.stringify(result).slice(0, 200)}`;
  return undefined;
}
