// Carries one request's context from the MCP endpoint into the per-request SDK server: the
// request scope (with its verified caller) and, for a single tools/call, the tool it names so
// the server registers that tool alone. The SDK passes AuthInfo through to the server factory
// and to every handler untouched, which makes it the explicit per-request channel.
import type { AuthInfo } from '@modelcontextprotocol/server';
import type { CallerScope } from '../request/request-scope.js';

export interface McpRequestContext {
  readonly scope: CallerScope;
  /** The tool a single (non-batch) tools/call names; undefined for anything else. */
  readonly onlyTool: string | undefined;
}

const CONTEXT_KEY = 'contoso.request';

export function toAuthInfo(context: McpRequestContext): AuthInfo {
  // clientId binds sealed requestState to the caller (see request-state.ts).
  return { token: '', clientId: context.scope.caller.callerId, scopes: [], extra: { [CONTEXT_KEY]: context } };
}

export function fromAuthInfo(authInfo: AuthInfo | undefined): McpRequestContext {
  const context = authInfo?.extra?.[CONTEXT_KEY];
  if (context === undefined || context === null || typeof context !== 'object' || !('scope' in context)) {
    throw new Error('MCP request reached the server without its request context; the endpoint must attach one');
  }
  return context as McpRequestContext;
}

/** The tool name when `body` is one tools/call request (not a batch). */
export function singleToolCallName(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { method, params } = body as { method?: unknown; params?: { name?: unknown } };
  return method === 'tools/call' && typeof params?.name === 'string' ? params.name : undefined;
}
