// Reads a size-limited request body and parses it as strict UTF-8 JSON: the one way every JSON
// endpoint (MCP, admin) takes a body. Each outcome is named, so each caller answers it its own way.
import { readLimitedBody } from './read-limited-body.js';

export type JsonBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'empty' }
  | { kind: 'not_json' }
  | { kind: 'too_large' }
  | { kind: 'unreadable' };

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const read = await readLimitedBody(request, maxBytes);
  if (!read.ok) return { kind: read.reason };
  if (read.bytes.byteLength === 0) return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes)) };
  } catch {
    return { kind: 'not_json' };
  }
}
