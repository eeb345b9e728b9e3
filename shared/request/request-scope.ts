// The request scope: one value per HTTP invocation, created by the registration in functions/
// from the Functions invocation, and passed explicitly down the request path (endpoint →
// per-request MCP server → runTool → ToolContext). It carries what belongs to this invocation
// only: its id, the invocation itself, and the verified caller once authentication has run.
import type { Principal } from '../identity/principal.js';
import type { RequestTrace } from '../telemetry/request-trace.js';

/**
 * What the scope keeps of the Functions invocation. `InvocationContext` from @azure/functions
 * satisfies it; tests and the local runner pass plain objects.
 */
export interface InvocationInfo {
  readonly invocationId: string;
  readonly functionName: string;
  /** W3C trace context of the invocation, when the host supplies one. */
  readonly traceContext?: { readonly traceParent?: string | null | undefined } | undefined;
}

export interface RequestScope {
  /** Correlates logs, audit records and error answers of this request (the invocation id). */
  readonly requestId: string;
  readonly invocation: InvocationInfo;
  /** The verified caller; undefined until authentication has run. */
  readonly caller: Principal | undefined;
  /** What this request tells its telemetry span; present only while telemetry is on. */
  readonly trace?: RequestTrace | undefined;
}

/** A scope whose caller has been verified: what tools and audit records work with. */
export interface CallerScope extends RequestScope {
  readonly caller: Principal;
  /**
   * Set when a tool (an expert) makes this call on the caller's behalf: the tool's name. The call
   * still runs under `caller` and its roles; audit records name the delegate.
   */
  readonly via?: string | undefined;
}

/** The scope of one invocation, before anyone has authenticated. */
export function createRequestScope(invocation: InvocationInfo): RequestScope {
  return Object.freeze({ requestId: invocation.invocationId, invocation, caller: undefined });
}

/** The same scope with its verified caller (a new value; scopes are never mutated). */
export function withCaller(scope: RequestScope, caller: Principal): CallerScope {
  return Object.freeze({ ...scope, caller });
}

/** The same scope for calls `via` (a tool's name) makes on the caller's behalf: same caller, same request. */
export function delegatedScope(scope: CallerScope, via: string): CallerScope {
  return Object.freeze({ ...scope, via });
}

/** A scope for work that has no HTTP invocation (tests, start-up tasks). */
export function detachedScope(requestId: string, functionName = 'detached'): RequestScope {
  return createRequestScope({ invocationId: requestId, functionName });
}
