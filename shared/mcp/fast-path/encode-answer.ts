// Writes the fast path's JSON-RPC answers exactly as the SDK path writes them, byte for byte (a
// test compares the two): the result's keys in the order the SDK's result schema yields them,
// and for 2026-07-28 the `resultType` and the server-identity stamp the SDK adds to every result.
import type { CallToolResult } from '@modelcontextprotocol/server';
import { SERVER_INFO_META_KEY } from '../protocol-versions.js';
import { structuredContentJson } from '../run-tool.js';
import { SERVER_INFO } from '../server-info.js';
import type { FastRequest } from './fast-request.js';

const SERVER_INFO_JSON = JSON.stringify(SERVER_INFO);
const STAMP = `${JSON.stringify(SERVER_INFO_META_KEY)}:${SERVER_INFO_JSON}`;

function envelope(resultJson: string, id: FastRequest['id']): string {
  return `{"result":${resultJson},"jsonrpc":"2.0","id":${JSON.stringify(id)}}`;
}

/** A tools/call answer: `_meta`, `content`, `structuredContent`, `isError`, then the era's additions. */
export function encodeToolResult(request: FastRequest, result: CallToolResult): string {
  const modern = request.era === 'modern';
  const meta = result._meta;
  let members = '';
  if (meta !== undefined) {
    const own = JSON.stringify(meta);
    members = `"_meta":${modern ? `${own.slice(0, -1)}${own.length > 2 ? ',' : ''}${STAMP}}` : own},`;
  }
  members += `"content":${JSON.stringify(result.content)}`;
  if (result.structuredContent !== undefined) members += `,"structuredContent":${structuredContentJson(result)}`;
  if (result.isError !== undefined) members += `,"isError":${JSON.stringify(result.isError)}`;
  if (modern) members += meta === undefined ? `,"resultType":"complete","_meta":{${STAMP}}` : ',"resultType":"complete"';
  return envelope(`{${members}}`, request.id);
}

/** A JSON-RPC answer whose result is fixed, encoded once: only the id changes per request. */
export interface EncodedResult {
  /** Everything before the id: `{"result":…,"jsonrpc":"2.0","id":`. */
  readonly head: Buffer;
}

export function encodeFixedResult(resultJson: string): EncodedResult {
  return { head: Buffer.from(`{"result":${resultJson},"jsonrpc":"2.0","id":`, 'utf8') };
}

/** A tools/list answer from a result encoded once for the caller's tools and era: parts, the large head shared, not copied. */
export function encodeListAnswer(request: FastRequest, result: EncodedResult): readonly Uint8Array[] {
  return [result.head, Buffer.from(`${JSON.stringify(request.id)}}`, 'utf8')];
}

/** A JSON-RPC error answer, as the SDK writes one (e.g. "Tool … not found"). */
export function encodeError(request: FastRequest, code: number, message: string): string {
  return `{"jsonrpc":"2.0","id":${JSON.stringify(request.id)},"error":{"code":${code},"message":${JSON.stringify(message)}}}`;
}
