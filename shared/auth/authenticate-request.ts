// The authentication step in front of the MCP endpoint: reads the bearer token, verifies it
// with the configured verifier and answers refusals as RFC 6750/9728 say (401 with
// WWW-Authenticate pointing at the protected-resource metadata, 403 for a tenant not allowed or
// a missing scope). The precise reason goes to the security log, never to the client.
import type { HttpAnswer } from '../http/http-answer.js';
import { jsonRpcError, JSON_RPC } from '../http/json-rpc-response.js';
import type { RequestHead } from '../http/request-head.js';
import type { Logger } from '../telemetry/logger.js';
import { hasQueryToken, readBearerToken } from './bearer-token.js';
import type { Principal } from '../identity/principal.js';
import type { AccessTokenVerifier } from './verify-access-token.js';
import { wwwAuthenticate } from './www-authenticate.js';

/** A refusal carries the answer for the client and, for the operator's telemetry, the precise reason. */
export type AuthResult = { ok: true; principal: Principal } | { ok: false; answer: HttpAnswer; reason: string };
export type RequestAuthenticator = (request: Pick<RequestHead, 'url' | 'headers'>) => Promise<AuthResult>;

export interface RequestAuthenticatorOptions {
  /** Undefined in `disabled` mode: every request gets `developmentIdentity`. */
  verify: AccessTokenVerifier | undefined;
  developmentIdentity: Principal;
  /** URL of the protected-resource metadata, for WWW-Authenticate. */
  resourceMetadataUrl: string;
  /** Scope a client should request when refused with insufficient_scope. */
  scopeHint: string;
  logger: Logger;
}

export function createRequestAuthenticator(options: RequestAuthenticatorOptions): RequestAuthenticator {
  const { verify, resourceMetadataUrl, logger } = options;
  const refuse = (reason: string, status: 401 | 403, message: string, header: string): AuthResult => ({
    ok: false,
    answer: jsonRpcError(status, JSON_RPC.SERVER_ERROR, message, { 'www-authenticate': header }),
    reason,
  });

  return async (request) => {
    if (verify === undefined) return { ok: true, principal: options.developmentIdentity };
    if (hasQueryToken(request.url)) {
      logger.warn('token refused', { reason: 'token_in_query', status: 401 });
      return refuse('token_in_query', 401, 'Unauthorized: send the access token in the Authorization header, never in the URL', wwwAuthenticate(resourceMetadataUrl, { error: 'invalid_token' }));
    }
    const bearer = readBearerToken(request.headers.get('authorization'));
    if (bearer.kind === 'none') {
      return refuse('missing_token', 401, 'Unauthorized: a bearer token is required', wwwAuthenticate(resourceMetadataUrl));
    }
    const result = bearer.kind === 'token' ? await verify(bearer.token) : ({ ok: false, status: 401, error: 'invalid_token', reason: 'malformed' } as const);
    if (result.ok) return { ok: true, principal: result.principal };
    logger.warn('token refused', { reason: result.reason, status: result.status });
    switch (result.error) {
      case 'insufficient_scope':
        return refuse(result.reason, 403, 'Forbidden: the token lacks the required scope', wwwAuthenticate(resourceMetadataUrl, { error: 'insufficient_scope', scope: options.scopeHint }));
      case 'temporarily_unavailable':
        return {
          ok: false,
          answer: jsonRpcError(503, JSON_RPC.SERVER_ERROR, 'Service Unavailable: token keys cannot be fetched right now; retry shortly', {
            'retry-after': String(result.retryAfterSeconds),
          }),
          reason: result.reason,
        };
      case 'invalid_token':
        return result.status === 403
          ? refuse(result.reason, 403, 'Forbidden: the token is not accepted here', wwwAuthenticate(resourceMetadataUrl, { error: 'invalid_token' }))
          : refuse(result.reason, 401, 'Unauthorized: the bearer token is not valid', wwwAuthenticate(resourceMetadataUrl, { error: 'invalid_token' }));
    }
  };
}
