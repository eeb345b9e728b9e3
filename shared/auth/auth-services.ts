// Everything authentication needs per process, built once from the auth config: the request
// authenticator for the MCP endpoint and the admin routes, and the discovery documents
// (protected-resource metadata; the local issuer's metadata and JWKS in `local` mode).
import type { AuthConfig } from '../config/config.js';
import type { CheckedDependency } from '../health/dependency-check.js';
import type { PolicyObserver } from '../resilience/policy-observer.js';
import type { Logger } from '../telemetry/logger.js';
import { createRequestAuthenticator, type RequestAuthenticator } from './authenticate-request.js';
import { createConfiguredVerifier } from './configured-verifier.js';
import { disabledModePrincipal } from './dev-principal.js';
import { localIssuerMetadata, type AuthorizationServerMetadata } from './local-issuer-metadata.js';
import type { LocalIssuer } from './local-issuer.js';
import type { JwksFetchEvent } from './remote-jwks.js';
import {
  protectedResourceMetadata,
  protectedResourceMetadataUrl,
  scopeToRequest,
  type ProtectedResourceMetadata,
} from './protected-resource-metadata.js';

/** Where the local issuer's public keys are served (local mode only). */
export const LOCAL_JWKS_PATH = '/api/local-issuer/jwks';

export interface AuthServices {
  authenticate: RequestAuthenticator;
  protectedResource: ProtectedResourceMetadata;
  /** Present in `local` mode only. */
  localIssuer: { issuer: LocalIssuer; metadata: AuthorizationServerMetadata; jwks: unknown } | undefined;
  /** The JWKS endpoint's readiness check (`entra` mode only): keys cached, breaker state, last failure. */
  jwks: CheckedDependency | undefined;
}

export interface AuthServicesOptions {
  fetch?: typeof globalThis.fetch;
  now: () => Date;
  logger: Logger;
  /** Told about every JWKS fetch (`entra` mode), besides the warning logged for a failure: telemetry. */
  onJwksFetch?: (event: JwksFetchEvent) => void;
  /** Told of the JWKS endpoint's resilience policy (`entra` mode): breaker metrics and logs. */
  observePolicy?: PolicyObserver;
}

export async function createAuthServices(auth: AuthConfig, options: AuthServicesOptions): Promise<AuthServices> {
  const verifier = await createConfiguredVerifier(auth, {
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now,
    onJwksFetch: (event) => {
      if (event.outcome === 'failed') options.logger.warn('jwks fetch failed', { ...event, jwksUri: auth.jwksUri });
      options.onJwksFetch?.(event);
    },
    ...(options.observePolicy ? { observePolicy: options.observePolicy } : {}),
  });
  if (auth.mode === 'passthrough' || auth.mode === 'disabled') {
    options.logger.warn(`AUTH_MODE=${auth.mode}: DEVELOPMENT ONLY — tokens are not verified; never expose this server`, { authMode: auth.mode });
  }
  const scopeHint = scopeToRequest(auth.audiences, auth.requiredScope);
  const authenticate = createRequestAuthenticator({
    verify: verifier.verify,
    developmentIdentity: disabledModePrincipal(auth.devIdentityRoles, auth.roles),
    resourceMetadataUrl: protectedResourceMetadataUrl(auth.publicBaseUrl),
    scopeHint,
    logger: options.logger,
  });
  const localIssuer = verifier.localIssuer && {
    issuer: verifier.localIssuer,
    metadata: localIssuerMetadata({ jwksUri: `${auth.publicBaseUrl}${LOCAL_JWKS_PATH}`, scopesSupported: [scopeHint] }),
    jwks: verifier.localIssuer.jwks,
  };
  return { authenticate, protectedResource: protectedResourceMetadata(auth), localIssuer, jwks: verifier.jwks };
}
