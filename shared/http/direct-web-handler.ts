// The faces of an HTTP function registration besides the Functions one. functions/web-handler.ts
// attaches them to the Functions handler it registers, under well-known symbols, so a host that
// already holds the request (the local development host) can call them without converting to
// the library's HttpRequest and back: what the Functions worker does around them, it does itself.
// `direct answer` is the lighter one: a request head and its whole small body, and a complete
// answer as plain data, or nothing (then the web face serves the request).
import type { RequestScope, InvocationInfo } from '../request/request-scope.js';
import type { HttpAnswer } from './http-answer.js';
import type { RequestHead } from './request-head.js';

/** `Symbol.for`, so a host and a bundled app (with its own copy of this module) agree on them. */
export const DIRECT_WEB_HANDLER = Symbol.for('contoso.directWebHandler');
export const DIRECT_ANSWER_HANDLER = Symbol.for('contoso.directAnswerHandler');

/** An invocation as a host describes it: its identity, and where a failure is reported. */
export type HostedInvocation = InvocationInfo & { error(message: string): void };

/** Serves one invocation: the request scope is created from `invocation`; never rejects. */
export type DirectWebHandler = (request: Request, invocation: HostedInvocation) => Promise<Response>;

/** Answers one invocation from its head and whole body, or returns undefined; never rejects. */
export type DirectAnswerHandler = (head: RequestHead, body: Uint8Array, invocation: HostedInvocation) => Promise<HttpAnswer | undefined>;

/** What a handler offers for the direct-answer face (it receives the request scope). */
export type ScopedDirectAnswer = (head: RequestHead, body: Uint8Array, scope: RequestScope) => Promise<HttpAnswer | undefined>;

function face<T>(callback: unknown, key: symbol): T | undefined {
  if (typeof callback !== 'function') return undefined;
  const value = (callback as unknown as Record<symbol, unknown>)[key];
  return typeof value === 'function' ? (value as T) : undefined;
}

/** The direct web face of a registered Functions handler, if it has one. */
export function directWebHandlerOf(callback: unknown): DirectWebHandler | undefined {
  return face<DirectWebHandler>(callback, DIRECT_WEB_HANDLER);
}

/** The direct-answer face of a registered Functions handler, if it has one. */
export function directAnswerHandlerOf(callback: unknown): DirectAnswerHandler | undefined {
  return face<DirectAnswerHandler>(callback, DIRECT_ANSWER_HANDLER);
}
