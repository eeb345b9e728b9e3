// Tests of the verifier AUTH_MODE selects, built from a real loadConfig() result: entra against
// a real HTTP JWKS issuer, local against the key file `npm run token` uses, and the two
// development modes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createConfiguredVerifier } from '../../../shared/auth/configured-verifier.js';
import { LOCAL_TENANT_ID } from '../../../shared/identity/principal.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { APP_ID_URI, CLIENT_ID, startTestIssuer, TENANT_A, TENANT_B, type TestIssuer } from '../../support/test-issuer.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const deps = { fetch: globalThis.fetch, now: () => NOW };

describe('createConfiguredVerifier', () => {
  let issuer: TestIssuer;
  let dataDir: string;
  before(async () => {
    issuer = await startTestIssuer({ now: NOW });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-auth-'));
  });
  after(async () => {
    await issuer.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('verifies Entra tokens in entra mode, mapping renamed app roles', async () => {
    const { auth } = loadConfig({
      AUTH_MODE: 'entra',
      AUTH_AUDIENCE: `${APP_ID_URI},${CLIENT_ID}`,
      ALLOWED_TENANTS: TENANT_A,
      ENTRA_JWKS_URI: issuer.jwksUri,
      WRITE_ROLE: 'Contoso.Write',
      DATA_DIR: dataDir,
    });
    const { verify, localIssuer, jwks } = await createConfiguredVerifier(auth, deps);
    assert.ok(verify);
    assert.equal(localIssuer, undefined);
    assert.equal(jwks?.name, 'jwks', 'entra mode reports the JWKS endpoint to /api/ready');

    const accepted = await verify(await issuer.signV2({ roles: ['Contoso.Write', 'security'] }));
    assert.equal(accepted.ok, true);
    if (accepted.ok) assert.deepEqual(accepted.principal.roles, ['support.write', 'security']);
    assert.deepEqual(await verify(await issuer.signV1({ tid: TENANT_B })), { ok: false, status: 403, error: 'invalid_token', reason: 'tenant_not_allowed' });
  });

  it('verifies local issuer tokens in local mode and refuses Entra ones', async () => {
    const { auth } = loadConfig({ DATA_DIR: dataDir });
    const { verify, localIssuer, jwks } = await createConfiguredVerifier(auth, deps);
    assert.ok(verify && localIssuer);
    assert.equal(jwks, undefined, 'the local issuer fetches nothing');
    assert.equal(fs.existsSync(auth.localIssuerKeyFile), true);

    const token = await localIssuer.mint({ sub: 'alice', tid: LOCAL_TENANT_ID, roles: ['admin'], scope: 'MCP.Access', audience: auth.audiences[0] ?? '', expiresInSeconds: 600 });
    const result = await verify(token);
    assert.equal(result.ok, true, JSON.stringify(result));
    if (result.ok) assert.deepEqual(result.principal, { callerId: 'alice', tenantId: LOCAL_TENANT_ID, roles: ['admin'], source: 'token' });

    assert.equal((await verify(await issuer.signV2())).ok, false);
  });

  it('decodes without verifying in passthrough mode and reads no token in disabled mode', async () => {
    const passthrough = await createConfiguredVerifier(loadConfig({ AUTH_MODE: 'passthrough', DATA_DIR: dataDir }).auth, deps);
    const result = await passthrough.verify?.(await issuer.signV2({ tid: '99999999-9999-4999-8999-999999999999' }));
    assert.equal(result?.ok, true);
    if (result?.ok) assert.equal(result.principal.source, 'development');

    const disabled = await createConfiguredVerifier(loadConfig({ AUTH_MODE: 'disabled', DATA_DIR: dataDir }).auth, deps);
    assert.deepEqual(disabled, { verify: undefined, localIssuer: undefined, jwks: undefined });
  });
});
