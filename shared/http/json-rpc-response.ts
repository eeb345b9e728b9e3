// JSON-RPC error answers sent before a request reaches the MCP SDK (HTTP-level refusals).
import { jsonAnswer, type HttpAnswer } from './http-answer.js';

export const JSON_RPC = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  SERVER_ERROR: -32000,
} as const;

/** A JSON-RPC error answer with a null id (the request was refused before it was read as one). */
export function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): HttpAnswer {
  return jsonAnswer(status, JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }), headers);
}
