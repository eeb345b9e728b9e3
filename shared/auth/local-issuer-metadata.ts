// OAuth authorization-server metadata (RFC 8414) for the local development issuer. It has no
// authorize or token endpoint: tokens come from `npm run token`, and the document says so, so a
// client that discovers it gets its keys and a pointer instead of a login flow.
import { LOCAL_ISSUER_ID } from './local-issuer.js';

export interface LocalIssuerMetadataOptions {
  /** Where the issuer's public JWKS is served. */
  jwksUri: string;
  /** Scopes a client would ask for, e.g. `api://contoso-mcp-local/MCP.Access`. */
  scopesSupported: readonly string[];
}

export interface AuthorizationServerMetadata {
  issuer: string;
  jwks_uri: string;
  response_types_supported: string[];
  grant_types_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  scopes_supported: string[];
  note: string;
}

export function localIssuerMetadata(options: LocalIssuerMetadataOptions): AuthorizationServerMetadata {
  return {
    issuer: LOCAL_ISSUER_ID,
    jwks_uri: options.jwksUri,
    response_types_supported: [],
    grant_types_supported: [],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [...options.scopesSupported],
    note: 'Development issuer: it has no authorize or token endpoint. Get a token with `npm run token -- --roles <roles>` and send it as `Authorization: Bearer <token>`.',
  };
}
