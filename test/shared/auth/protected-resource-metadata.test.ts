// Tests of the RFC 9728 protected-resource metadata: resource URL, authorization server per mode,
// the scope clients should request, and where the document lives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOCAL_ISSUER_ID } from '../../../shared/auth/local-issuer.js';
import {
  authorizationServerFor,
  protectedResourceMetadata,
  protectedResourceMetadataUrl,
  resourceUrl,
  scopeToRequest,
} from '../../../shared/auth/protected-resource-metadata.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const entra = {
  mode: 'entra' as const,
  authorityHost: 'https://login.microsoftonline.com',
  entraTenantId: TENANT,
  audiences: ['6f1c2b9e-0d3a-4c5e-9b8a-7e6d5c4b3a21', 'api://contoso-mcp'],
  requiredScope: 'MCP.Access',
  publicBaseUrl: 'https://contoso-mcp.azurewebsites.net',
};

describe('protectedResourceMetadata', () => {
  it('describes the MCP endpoint with the Entra v2 authority of the home tenant', () => {
    assert.deepEqual(protectedResourceMetadata(entra), {
      resource: 'https://contoso-mcp.azurewebsites.net/api/mcp',
      authorization_servers: [`https://login.microsoftonline.com/${TENANT}/v2.0`],
      scopes_supported: ['api://contoso-mcp/MCP.Access'],
      bearer_methods_supported: ['header'],
      resource_name: 'Contoso customer support MCP',
    });
  });

  it('names the local issuer as the authorization server outside entra mode', () => {
    const local = { ...entra, mode: 'local' as const, audiences: ['api://contoso-mcp-local'], publicBaseUrl: 'http://localhost:7071' };
    const document = protectedResourceMetadata(local);

    assert.deepEqual(document.authorization_servers, [LOCAL_ISSUER_ID]);
    assert.equal(document.resource, 'http://localhost:7071/api/mcp');
    assert.equal(authorizationServerFor({ ...local, mode: 'passthrough' }), LOCAL_ISSUER_ID);
  });

  it('follows a configured authority host', () => {
    assert.deepEqual(protectedResourceMetadata({ ...entra, authorityHost: 'https://login.microsoftonline.us' }).authorization_servers, [
      `https://login.microsoftonline.us/${TENANT}/v2.0`,
    ]);
  });
});

describe('scopeToRequest', () => {
  it('prefers the first app ID URI, else the first audience, and uses the required scope', () => {
    assert.equal(scopeToRequest(['client-id', 'api://a', 'api://b'], 'MCP.Access'), 'api://a/MCP.Access');
    assert.equal(scopeToRequest(['client-id', 'https://contoso.com/mcp'], 'Other.Scope'), 'client-id/Other.Scope');
    assert.equal(scopeToRequest(['api://trailing/'], 'MCP.Access'), 'api://trailing/MCP.Access');
    assert.throws(() => scopeToRequest([], 'MCP.Access'), TypeError);
  });
});

describe('resource URLs', () => {
  it('puts the well-known prefix before the resource path (RFC 9728 §3.1)', () => {
    assert.equal(protectedResourceMetadataUrl('https://app.example.com'), 'https://app.example.com/.well-known/oauth-protected-resource/api/mcp');
    assert.equal(resourceUrl('https://app.example.com/'), 'https://app.example.com/api/mcp');
  });
});
