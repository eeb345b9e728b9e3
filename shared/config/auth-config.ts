// The `auth` section of Config: mode, audiences, tenants, keys and roles, with the defaults that
// depend on where the app runs and the start-up rules that keep development modes out of Azure
// and out of production-like starts elsewhere (NODE_ENV=production).
import path from 'node:path';
import { LOCAL_TENANT_ID, ROLES } from '../identity/principal.js';
import type { AuthConfig } from './config.js';
import { policySettingsOf } from './resilience-settings.js';
import type { RawSettings } from './settings-schema.js';

/** Audience of the local development issuer's tokens unless AUTH_AUDIENCE says otherwise. */
export const LOCAL_AUDIENCE = 'api://contoso-mcp-local';
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const DEFAULT_REQUIRED_SCOPE = 'MCP.Access';

export interface AuthConfigInput {
  settings: RawSettings;
  inAzure: boolean;
  /** DATA_DIR, already resolved. */
  dataDir: string;
}

/** Builds the auth section, or returns one line per problem (ConfigError lines). */
export function buildAuthConfig({ settings: s, inAzure, dataDir }: AuthConfigInput): { auth: AuthConfig } | { problems: string[] } {
  const mode = s.AUTH_MODE ?? (inAzure ? 'entra' : 'local');
  const problems: string[] = [];
  if (!inAzure && s.AUTH_MODE === undefined && s.NODE_ENV === 'production') {
    // A container outside Functions: the local default would accept development tokens.
    problems.push(
      'AUTH_MODE: required when NODE_ENV=production outside Azure (the default, local, accepts development tokens from a key on this machine); set AUTH_MODE=entra, or AUTH_MODE=local explicitly for a demo',
    );
  }
  if (mode === 'entra') {
    if (!s.AUTH_AUDIENCE) {
      problems.push('AUTH_AUDIENCE: required when AUTH_MODE is entra (the app ID URI and/or client id of the app registration)');
    }
    if (!s.ALLOWED_TENANTS) {
      problems.push('ALLOWED_TENANTS: required when AUTH_MODE is entra (the tenant ids whose users may call this app)');
    }
  } else if (inAzure && !s.ALLOW_INSECURE_AUTH_IN_AZURE) {
    problems.push(
      `AUTH_MODE: "${mode}" is for development and is refused in Azure; use entra, or set ALLOW_INSECURE_AUTH_IN_AZURE=true for a throwaway deployment`,
    );
  }
  const roles = {
    read: s.READ_ROLE ?? ROLES.read,
    write: s.WRITE_ROLE ?? ROLES.write,
    security: s.SECURITY_ROLE ?? ROLES.security,
    admin: s.ADMIN_ROLE ?? ROLES.admin,
  };
  if (new Set(Object.values(roles)).size !== Object.keys(roles).length) {
    problems.push('READ_ROLE/WRITE_ROLE/SECURITY_ROLE/ADMIN_ROLE: expected four different role names');
  }
  const publicBaseUrl =
    s.PUBLIC_BASE_URL ??
    (inAzure ? (s.WEBSITE_HOSTNAME ? `https://${s.WEBSITE_HOSTNAME.toLowerCase()}` : undefined) : `http://localhost:${s.PORT}`);
  if (publicBaseUrl === undefined) {
    problems.push('PUBLIC_BASE_URL: required in Azure when WEBSITE_HOSTNAME is not set');
  } else if (inAzure && !publicBaseUrl.startsWith('https://')) {
    problems.push(`PUBLIC_BASE_URL: must be an https URL in Azure (got "${publicBaseUrl}")`);
  }
  const jwksPolicy = policySettingsOf(s, 'JWKS');
  if ('problems' in jwksPolicy) problems.push(...jwksPolicy.problems);
  if (problems.length > 0 || publicBaseUrl === undefined || 'problems' in jwksPolicy) return { problems };

  const allowedTenants = s.ALLOWED_TENANTS ?? [LOCAL_TENANT_ID];
  const authorityHost = s.ENTRA_AUTHORITY_HOST ?? DEFAULT_AUTHORITY_HOST;
  return {
    auth: {
      mode,
      audiences: s.AUTH_AUDIENCE ?? [LOCAL_AUDIENCE],
      allowedTenants,
      entraTenantId: (s.ENTRA_TENANT_ID ?? allowedTenants[0] ?? LOCAL_TENANT_ID).toLowerCase(),
      requiredScope: s.REQUIRED_SCOPE ?? DEFAULT_REQUIRED_SCOPE,
      authorityHost,
      jwksUri: s.ENTRA_JWKS_URI ?? `${authorityHost}/common/discovery/v2.0/keys`,
      jwksCacheMaxAgeMs: s.JWKS_CACHE_MAX_AGE_MS,
      jwksCooldownMs: s.JWKS_COOLDOWN_MS,
      jwksPolicy: jwksPolicy.policy,
      clockToleranceSeconds: s.CLOCK_TOLERANCE_SECONDS,
      maxTokenLifetimeSeconds: s.MAX_TOKEN_LIFETIME_SECONDS,
      localIssuerKeyFile: path.resolve(dataDir, s.LOCAL_ISSUER_KEY_FILE ?? 'local-issuer-key.json'),
      publicBaseUrl,
      roles,
      devIdentityRoles: s.DEV_IDENTITY_ROLES ?? [roles.read, roles.write, roles.security, roles.admin],
      allowInsecureInAzure: s.ALLOW_INSECURE_AUTH_IN_AZURE,
    },
  };
}
