// MCP clients for end-to-end tests: the official v2 client in either protocol era, and a raw
// JSON-RPC poster for checking HTTP-level behaviour byte by byte.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

export type Era = '2025-11-25' | '2026-07-28';

export async function connectClient(mcpUrl: string, era: Era, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client(
    { name: `e2e-${era}`, version: '1.0.0' },
    era === '2026-07-28' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
  );
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { requestInit: { headers } });
  await client.connect(transport);
  return client;
}

export const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-11-25',
} as const;

export interface RawResult {
  status: number;
  headers: Headers;
  text: string;
  /** The JSON-RPC message(s) in the body: parsed JSON, or the data lines of an SSE stream. */
  messages: unknown[];
}

export async function postRaw(url: string, body: string | object, headers: Record<string, string> = {}): Promise<RawResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...MCP_HEADERS, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, messages: parseMessages(res.headers.get('content-type'), text) };
}

export function parseMessages(contentType: string | null, text: string): unknown[] {
  if ((contentType ?? '').startsWith('text/event-stream')) {
    return text
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => JSON.parse(line.slice(5)) as unknown);
  }
  if (text.trim() === '') return [];
  return [JSON.parse(text) as unknown];
}

export function toolCall(id: number, name: string, args: Record<string, unknown>, meta?: Record<string, unknown>) {
  return { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args, ...(meta ? { _meta: meta } : {}) } };
}
