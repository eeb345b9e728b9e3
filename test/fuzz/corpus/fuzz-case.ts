// The shape of one hostile request in the fuzz corpus and of what may come back for it. Cases
// are plain data (bytes, headers, the token to attach by name), so the corpus is the same on
// every run and can be checked (no valid mutation, digest) before anything is sent.

/** How a case is answered, as the judge classifies the response. */
export type Outcome =
  /** An HTTP 4xx. */
  | 'status4xx'
  /** 200 with a JSON-RPC error object. */
  | 'rpcError'
  /** 200 with a tool result carrying `isError: true` (and not an INTERNAL code). */
  | 'toolError'
  /** 200 with a normal result. */
  | 'result'
  /** 202/204 with no body (a notification, a preflight). */
  | 'accepted'
  /** The server closed the connection without an answer (only for broken HTTP framing). */
  | 'closed';

export interface Expectation {
  allow: readonly Outcome[];
  /** When set, a 4xx must be one of these. */
  statuses?: readonly number[];
}

/** Only an HTTP-level refusal will do. */
export const REFUSED: Expectation = { allow: ['status4xx'] };
/** Anything but success: a 4xx, a JSON-RPC error, a tool error, or a 202 for a notification. */
export const FAILS: Expectation = { allow: ['status4xx', 'rpcError', 'toolError', 'accepted'] };
/** The request may legitimately be valid: any well-formed, non-5xx answer. */
export const ANY: Expectation = { allow: ['status4xx', 'rpcError', 'toolError', 'result', 'accepted'] };
/** A legitimately valid call that must succeed (e.g. a search for metacharacters). */
export const SUCCEEDS: Expectation = { allow: ['result'] };

export const refusedWith = (...statuses: number[]): Expectation => ({ allow: ['status4xx'], statuses });

/**
 * The credentials a case carries: a named token the test mints before sending (`valid` has
 * every role), none, or a literal Authorization value (`{{token}}` becomes the valid token).
 */
export type TokenName = 'valid' | 'expired' | 'not-yet-valid' | 'wrong-audience' | 'wrong-tenant' | 'no-scope' | 'tampered';
export type AuthSpec = TokenName | 'none' | { header: string };

export type Category =
  | 'truncated-json'
  | 'json-rpc-types'
  | 'numbers'
  | 'deep-nesting'
  | 'body-size'
  | 'unicode'
  | 'batches'
  | 'prototype-keys'
  | 'http-surface'
  | 'tool-schema'
  | 'handler-edges'
  | 'metacharacters'
  | 'envelope-2026'
  | 'auth';

interface CaseBase {
  category: Category;
  name: string;
  auth: AuthSpec;
  expect: Expectation;
  /** Body bytes or text; undefined for none. */
  body?: Uint8Array | string;
  /** For a call that must succeed: a problem with its structuredContent, or undefined. */
  resultCheck?: (structured: Record<string, unknown>) => string | undefined;
}

/** Sent with fetch: the default MCP headers, overridden (null removes one) by `headers`. */
export interface FetchCase extends CaseBase {
  via: 'fetch';
  method: string;
  /** Path and query, default `/api/mcp`. */
  path?: string;
  headers?: Record<string, string | null>;
}

/**
 * Written to a socket as-is: `head` is the request line and header lines (CRLF added), with
 * `{{host}}` (host:port), `{{auth}}` (the Authorization line, or nothing) and `{{length}}`
 * (the body's byte length) filled in. For broken framing, lying lengths, duplicate headers.
 */
export interface SocketCase extends CaseBase {
  via: 'socket';
  head: readonly string[];
  /** Close our sending side after the body (so a lying Content-Length cannot stall the server). */
  halfClose?: boolean;
  /** Drop the connection this many ms after writing, without waiting for an answer. */
  abortAfterMs?: number;
}

export type FuzzCase = FetchCase | SocketCase;

export const MCP_PATH = '/api/mcp';

/** The headers every fetch case starts from (before its overrides and the token). */
export const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-11-25',
};

/** A POST of `body` with the valid token and default headers. */
export function post(category: Category, name: string, body: Uint8Array | string, expect: Expectation, extra: Partial<FetchCase> = {}): FetchCase {
  return { via: 'fetch', method: 'POST', category, name, body, auth: 'valid', expect, ...extra };
}

/** The byte length of a body as it goes on the wire. */
export function byteLength(body: Uint8Array | string | undefined): number {
  if (body === undefined) return 0;
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
}
