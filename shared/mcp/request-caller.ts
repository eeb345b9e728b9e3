// Carries the verified caller and the request id from the HTTP edge into the per-request MCP
// server, through the SDK's pass-through AuthInfo.
import type { AuthInfo } from '@modelcontextprotocol/server';
import type { Principal } from '../identity/principal.js';

export interface RequestCaller {
  principal: Principal;
  requestId: string;
}

const CALLER_KEY = 'contoso.caller';

export function toAuthInfo(caller: RequestCaller): AuthInfo {
  return { token: '', clientId: caller.principal.callerId, scopes: [], extra: { [CALLER_KEY]: caller } };
}

export function fromAuthInfo(authInfo: AuthInfo | undefined): RequestCaller {
  const caller = authInfo?.extra?.[CALLER_KEY];
  if (caller === undefined || caller === null || typeof caller !== 'object' || !('principal' in caller)) {
    throw new Error('MCP request reached the server without a caller; the endpoint must attach one');
  }
  return caller as RequestCaller;
}
