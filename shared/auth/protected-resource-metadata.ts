// OAuth protected-resource metadata (RFC 9728) for the MCP endpoint: how an MCP client learns
// which authorization server issues tokens for this app and which scope to ask for. Served at
// /.well-known/oauth-protected-resource/api/mcp and named in every 401's WWW-Authenticate.
import type { AuthConfig } from '../config/config.js';
import { entraAuthority } from './entra-issuers.js';
import { LOCAL_ISSUER_ID } from './local-issuer.js';

/** Path of the MCP endpoint: the protected resource. */
export const MCP_RESOURCE_PATH = '/api/mcp';

export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers: string[];
  scopes_supported: string[];
  bearer_methods_supported: string[];
  resource_name: string;
}

/** `https://app.example.com` → `https://app.example.com/api/mcp`. */
export function resourceUrl(publicBaseUrl: string): string {
  return `${trimSlash(publicBaseUrl)}${MCP_RESOURCE_PATH}`;
}

/** Where the metadata document is served (RFC 9728 §3.1: well-known prefix + resource path). */
export function protectedResourceMetadataUrl(publicBaseUrl: string): string {
  return `${trimSlash(publicBaseUrl)}/.well-known/oauth-protected-resource${MCP_RESOURCE_PATH}`;
}

/** The authorization server clients are sent to: the Entra v2 authority of the home tenant, or the local issuer. */
export function authorizationServerFor(auth: Pick<AuthConfig, 'mode' | 'authorityHost' | 'entraTenantId'>): string {
  return auth.mode === 'entra' ? entraAuthority(auth.authorityHost, auth.entraTenantId) : LOCAL_ISSUER_ID;
}

/**
 * The scope a client requests: `${audience}/${requiredScope}`, using the first audience that is an
 * app ID URI (`api://…`), else the first audience.
 */
export function scopeToRequest(audiences: readonly string[], requiredScope: string): string {
  const audience = audiences.find((value) => value.startsWith('api://')) ?? audiences[0];
  if (audience === undefined) throw new TypeError('audiences must not be empty');
  return `${trimSlash(audience)}/${requiredScope}`;
}

export function protectedResourceMetadata(
  auth: Pick<AuthConfig, 'mode' | 'authorityHost' | 'entraTenantId' | 'audiences' | 'requiredScope' | 'publicBaseUrl'>,
): ProtectedResourceMetadata {
  return {
    resource: resourceUrl(auth.publicBaseUrl),
    authorization_servers: [authorizationServerFor(auth)],
    scopes_supported: [scopeToRequest(auth.audiences, auth.requiredScope)],
    bearer_methods_supported: ['header'],
    resource_name: 'Contoso customer support MCP',
  };
}

function trimSlash(value: string): string {
  return value.replace(/\/+$/, '');
}
