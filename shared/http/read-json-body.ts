// Reads a size-limited request body and parses it as strict UTF-8 JSON: the one way every JSON
// endpoint (MCP, admin) takes a body. Each outcome is named, so each caller answers it its own way.
import { readLimitedBody } from './read-limited-body.js';

export type JsonBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'empty' }
  | { kind: 'not_json' }
  | { kind: 'too_large' }
  | { kind: 'unreadable' };

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const read = await readLimitedBody(request, maxBytes);
  return read.ok ? parseJsonBody(read.bytes) : { kind: read.reason };
}

/** A body already read whole (and within its limit), parsed as strict UTF-8 JSON. */
export function parseJsonBody(bytes: Uint8Array): JsonBody {
  if (bytes.byteLength === 0) return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(STRICT_UTF8.decode(bytes)) };
  } catch {
    return { kind: 'not_json' };
  }
}
