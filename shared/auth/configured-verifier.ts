// Builds the token verifier that AUTH_MODE calls for, so the HTTP layer has one function to call
// whatever the mode. `entra` and `local` share createAccessTokenVerifier and differ only in
// where keys come from and which issuers are expected; `disabled` reads no token at all. The
// remote JWKS (and the resilience library under it) is imported only in `entra` mode.
import type { AuthConfig } from '../config/config.js';
import type { CheckedDependency } from '../health/dependency-check.js';
import type { PolicyObserver } from '../resilience/policy-observer.js';
import { createPassthroughVerifier } from './dev-principal.js';
import { entraIssuers } from './entra-issuers.js';
import { staticKeySource } from './key-source.js';
import { LOCAL_ISSUER_ID, loadOrCreateLocalIssuer, type LocalIssuer } from './local-issuer.js';
import type { JwksFetchEvent } from './remote-jwks.js';
import { withVerifiedTokenCache } from './verified-token-cache.js';
import { createAccessTokenVerifier, type AccessTokenVerifier } from './verify-access-token.js';

export interface ConfiguredVerifierDependencies {
  fetch: typeof globalThis.fetch;
  now: () => Date;
  /** Told about every JWKS fetch in `entra` mode (failures are worth a log line and a metric). */
  onJwksFetch?: (event: JwksFetchEvent) => void;
  /** Told of the JWKS endpoint's resilience policy in `entra` mode (breaker metrics and logs). */
  observePolicy?: PolicyObserver;
}

export interface ConfiguredVerifier {
  /** Undefined in `disabled` mode: every request gets the development identity. */
  readonly verify: AccessTokenVerifier | undefined;
  /** The development issuer in `local` mode (its JWKS can be served for discovery). */
  readonly localIssuer: LocalIssuer | undefined;
  /** The JWKS endpoint's readiness check in `entra` mode. */
  readonly jwks: CheckedDependency | undefined;
}

/** In `local` mode this loads (or creates) the issuer key file, hence async. */
export async function createConfiguredVerifier(auth: AuthConfig, deps: ConfiguredVerifierDependencies): Promise<ConfiguredVerifier> {
  const common = {
    audiences: auth.audiences,
    allowedTenants: auth.allowedTenants,
    requiredScope: auth.requiredScope,
    clockToleranceSeconds: auth.clockToleranceSeconds,
    maxLifetimeSeconds: auth.maxTokenLifetimeSeconds,
    now: deps.now,
    roleNames: auth.roles,
  };
  switch (auth.mode) {
    case 'entra': {
      const { createRemoteJwks } = await import('./remote-jwks.js');
      const keys = createRemoteJwks({
        jwksUri: auth.jwksUri,
        cacheMaxAgeMs: auth.jwksCacheMaxAgeMs,
        cooldownMs: auth.jwksCooldownMs,
        policy: auth.jwksPolicy,
        fetch: deps.fetch,
        now: deps.now,
        ...(deps.onJwksFetch ? { onFetch: deps.onJwksFetch } : {}),
        ...(deps.observePolicy ? { observePolicy: deps.observePolicy } : {}),
      });
      const verify = createAccessTokenVerifier({ ...common, getKey: keys.getKey, issuersFor: entraIssuers(auth.authorityHost) });
      return { verify: withVerifiedTokenCache(verify, { now: deps.now, keys }), localIssuer: undefined, jwks: keys };
    }
    case 'local': {
      const localIssuer = await loadOrCreateLocalIssuer(auth.localIssuerKeyFile, { now: deps.now });
      const keys = staticKeySource(localIssuer.jwks);
      const verify = createAccessTokenVerifier({ ...common, getKey: keys.getKey, issuersFor: () => [LOCAL_ISSUER_ID] });
      return { verify: withVerifiedTokenCache(verify, { now: deps.now, keys }), localIssuer, jwks: undefined };
    }
    case 'passthrough':
      return { verify: createPassthroughVerifier({ roleNames: auth.roles }), localIssuer: undefined, jwks: undefined };
    case 'disabled':
      return { verify: undefined, localIssuer: undefined, jwks: undefined };
  }
}
