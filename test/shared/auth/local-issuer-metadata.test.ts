// Tests of the local issuer's RFC 8414 metadata: keys and scopes, no endpoints, a pointer to npm run token.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOCAL_ISSUER_ID } from '../../../shared/auth/local-issuer.js';
import { localIssuerMetadata } from '../../../shared/auth/local-issuer-metadata.js';

describe('localIssuerMetadata', () => {
  it('publishes the issuer, its keys and scopes, and no way to obtain a token but npm run token', () => {
    const document = localIssuerMetadata({ jwksUri: 'http://localhost:7071/api/local-issuer/keys', scopesSupported: ['api://contoso-mcp-local/MCP.Access'] });

    assert.equal(document.issuer, LOCAL_ISSUER_ID);
    assert.equal(document.jwks_uri, 'http://localhost:7071/api/local-issuer/keys');
    assert.deepEqual(document.response_types_supported, []);
    assert.deepEqual(document.grant_types_supported, []);
    assert.deepEqual(document.token_endpoint_auth_methods_supported, ['none']);
    assert.deepEqual(document.scopes_supported, ['api://contoso-mcp-local/MCP.Access']);
    assert.match(document.note, /npm run token/);
    assert.equal('authorization_endpoint' in document, false);
    assert.equal('token_endpoint' in document, false);
  });
});
