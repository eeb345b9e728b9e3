// The attack battery for createAccessTokenVerifier, against a real HTTP JWKS issuer: what it
// accepts, and each refusal with its exact status, error and reason; no result ever carries any
// part of the token. Time is fixed. Keys and options: verify-access-token-keys.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64url, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { MAX_TOKEN_BYTES } from '../../../shared/auth/verify-access-token.js';
import { AUTHORITY_HOST, CLIENT_ID, createTestKey, REQUIRED_SCOPE, TENANT_A, TENANT_B, TENANT_C } from '../../support/test-issuer.js';
import { encodeJson, expectAccepted, expectRefused, issuer, MAX_LIFETIME, NOW_S, TOLERANCE, unauthorized, useTestIssuer, verifierFor } from './verify-access-token-fixture.js';

describe('createAccessTokenVerifier', () => {
  useTestIssuer();

  describe('accepts', () => {
    it('an Entra v2.0 token (aud = client id) and builds the principal from oid, tid and roles', async () => {
      const result = await expectAccepted(await issuer.signV2({ roles: ['security', 'support.write'] }));

      assert.deepEqual(result.principal, {
        callerId: 'a4b5c6d7-0000-4000-8000-0000000000aa',
        tenantId: TENANT_A,
        roles: ['security', 'support.write'],
        source: 'token',
      });
      assert.equal(result.claims.ver, '2.0');
      assert.equal(result.claims.aud, CLIENT_ID);
      assert.equal(result.keyId, issuer.currentKey.kid, 'the kid of the verifying key, which cache entries are bound to');
    });

    it('an Entra v1.0 token (aud = app ID URI, sts.windows.net issuer)', async () => {
      const result = await expectAccepted(await issuer.signV1({ tid: TENANT_B }));

      assert.equal(result.principal.tenantId, TENANT_B);
      assert.equal(result.claims.iss, `https://sts.windows.net/${TENANT_B}/`);
      assert.equal(result.claims.ver, '1.0');
    });

    it('uses sub as the caller id when there is no oid, and keeps only string roles', async () => {
      const result = await expectAccepted(await issuer.signV2({ oid: undefined, roles: ['admin', 7, null, { x: 1 }, 'security'] }));

      assert.equal(result.principal.callerId, 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ');
      assert.deepEqual(result.principal.roles, ['admin', 'security']);
    });

    it('maps app role names to tool roles when roleNames is given', async () => {
      const roleNames = { read: 'Contoso.Read', write: 'Contoso.Write', security: 'Contoso.Security', admin: 'Contoso.Admin' };
      const verify = verifierFor(issuer.jwksUri, { roleNames });
      const result = await expectAccepted(await issuer.signV2({ roles: ['Contoso.Read', 'Contoso.Write', 'support.write', 'Contoso.Admin'] }), verify);

      assert.deepEqual(result.principal.roles, ['support.read', 'support.write', 'admin']);
    });

    it('a delegated token whose scp lists the required scope among others', async () => {
      await expectAccepted(await issuer.signV2({ scp: 'User.Read MCP.Access offline_access' }));
    });

    it('an app-only token (no scp) that holds the required scope as an app role', async () => {
      const result = await expectAccepted(await issuer.signV2({ scp: undefined, roles: ['MCP.Access', 'security'] }));

      assert.deepEqual(result.principal.roles, ['MCP.Access', 'security']);
    });

    it('a token that expired within the clock tolerance', async () => {
      await expectAccepted(await issuer.signV2({ exp: NOW_S - TOLERANCE + 5 }));
    });

    it('a token not yet valid by less than the clock tolerance', async () => {
      await expectAccepted(await issuer.signV2({ nbf: NOW_S + TOLERANCE - 5, iat: NOW_S + TOLERANCE - 5 }));
    });

    it('a token whose lifetime (exp - iat) is exactly the maximum', async () => {
      await expectAccepted(await issuer.signV2({ iat: NOW_S - 100, nbf: NOW_S - 100, exp: NOW_S - 100 + MAX_LIFETIME }));
    });

    it('a token without iat that expires within the maximum (plus the tolerance) from now', async () => {
      await expectAccepted(await issuer.signV2({ iat: undefined, exp: NOW_S + MAX_LIFETIME + TOLERANCE }));
    });
  });

  describe('refuses', () => {
    it('an empty or malformed token as malformed', async () => {
      await expectRefused('', unauthorized('malformed'));
      await expectRefused('not-a-jwt', unauthorized('malformed'));
      await expectRefused('a.b.c', unauthorized('malformed'));
      await expectRefused(`${encodeJson({ alg: 'RS256' })}.${encodeJson(['array'])}.c2ln`, unauthorized('malformed'));
      await expectRefused('eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d', unauthorized('malformed'));
    });

    it('a token that breaks the JWS structure after a readable payload as malformed', async () => {
      const good = await issuer.signV2();
      const [, payload, signature] = good.split('.');
      await expectRefused(`not-json.${payload}.${signature}`, unauthorized('malformed'));
    });

    it('an unsigned token (alg: none) as alg_not_allowed', async () => {
      const good = await issuer.signV2();
      const payload = good.split('.')[1];
      await expectRefused(`${encodeJson({ alg: 'none', typ: 'JWT' })}.${payload}.`, unauthorized('alg_not_allowed'));
      await expectRefused(`${encodeJson({ alg: 'NONE', typ: 'JWT' })}.${payload}.`, unauthorized('alg_not_allowed'));
    });

    it('an HS256 token keyed with the RSA public key (algorithm confusion) as alg_not_allowed', async () => {
      const key = issuer.currentKey;
      const claims = { iss: `${AUTHORITY_HOST}/${TENANT_A}/v2.0`, aud: CLIENT_ID, tid: TENANT_A, sub: 'mallory', scp: REQUIRED_SCOPE, exp: NOW_S + 600 };
      for (const secret of [await exportSPKI(key.publicKey), JSON.stringify(key.publicJwk)]) {
        const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: key.kid }).sign(new TextEncoder().encode(secret));
        await expectRefused(forged, unauthorized('alg_not_allowed'));
      }
    });

    it('other algorithms than RS256 (PS256, RS512, ES256) as alg_not_allowed', async () => {
      const claims = { iss: `${AUTHORITY_HOST}/${TENANT_A}/v2.0`, aud: CLIENT_ID, tid: TENANT_A, sub: 's', scp: REQUIRED_SCOPE, exp: NOW_S + 600 };
      for (const alg of ['PS256', 'RS512', 'ES256']) {
        const { privateKey } = await generateKeyPair(alg);
        const token = await new SignJWT(claims).setProtectedHeader({ alg, kid: issuer.currentKey.kid }).sign(privateKey);
        await expectRefused(token, unauthorized('alg_not_allowed'));
      }
    });

    it('a token signed by an unknown key under a published kid as bad_signature', async () => {
      const stranger = await createTestKey(issuer.currentKey.kid);
      await expectRefused(await issuer.signV2({}, { key: stranger }), unauthorized('bad_signature'));
    });

    it('a token whose signature was altered as bad_signature', async () => {
      const good = await issuer.signV2();
      const [header, payload, signature = ''] = good.split('.');
      const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
      await expectRefused(`${header}.${payload}.${flipped}`, unauthorized('bad_signature'));
    });

    it('a token whose payload was altered (roles escalated) as bad_signature', async () => {
      const good = await issuer.signV2({ roles: [] });
      const [header, , signature] = good.split('.');
      const escalated = encodeJson({ ...JSON.parse(new TextDecoder().decode(base64url.decode(good.split('.')[1] ?? ''))), roles: ['admin'] });
      await expectRefused(`${header}.${escalated}.${signature}`, unauthorized('bad_signature'));
    });

    it('a token signed by an unknown key with an unknown kid as no_matching_key', async () => {
      const stranger = await createTestKey('unknown-kid');
      await expectRefused(await issuer.signV2({}, { key: stranger }), unauthorized('no_matching_key'));
    });

    it('an expired token (beyond the tolerance) as expired', async () => {
      await expectRefused(await issuer.signV2({ exp: NOW_S - TOLERANCE - 1 }), unauthorized('expired'));
    });

    it('a token whose lifetime (exp - iat) exceeds the maximum as lifetime_too_long', async () => {
      await expectRefused(await issuer.signV2({ exp: NOW_S + MAX_LIFETIME + 1 }), unauthorized('lifetime_too_long'));
      await expectRefused(await issuer.signV1({ exp: NOW_S + 30 * 86_400 }), unauthorized('lifetime_too_long'));
      // Issued long ago and still valid: the lifetime counts from iat, not from now.
      await expectRefused(await issuer.signV2({ iat: NOW_S - 30 * 86_400, nbf: NOW_S - 30 * 86_400, exp: NOW_S + 3600 }), unauthorized('lifetime_too_long'));
    });

    it('a token without iat that expires beyond the maximum (plus the tolerance) from now as lifetime_too_long', async () => {
      await expectRefused(await issuer.signV2({ iat: undefined, exp: NOW_S + MAX_LIFETIME + TOLERANCE + 1 }), unauthorized('lifetime_too_long'));
    });

    it('a token issued in the future beyond the tolerance as issued_in_future, even without nbf', async () => {
      await expectRefused(await issuer.signV2({ iat: NOW_S + TOLERANCE + 1, exp: NOW_S + 3600 }), unauthorized('issued_in_future'));
      await expectRefused(await issuer.signV2({ iat: NOW_S + 7200, nbf: undefined, exp: NOW_S + 9000 }), unauthorized('issued_in_future'));
    });

    it('a token whose iat is not a number as malformed', async () => {
      await expectRefused(await issuer.signV2({ iat: 'yesterday' }), unauthorized('malformed'));
    });

    it('a forged long-lived token as bad_signature: the lifetime is judged only once the signature holds', async () => {
      const good = await issuer.signV2();
      const [header, payload = '', signature] = good.split('.');
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as { exp: number };
      await expectRefused(`${header}.${encodeJson({ ...claims, exp: claims.exp + 365 * 86_400 })}.${signature}`, unauthorized('bad_signature'));
    });

    it('a token without exp as malformed', async () => {
      await expectRefused(await issuer.signV2({ exp: undefined }), unauthorized('malformed'));
    });

    it('a token not yet valid beyond the tolerance as not_yet_valid', async () => {
      await expectRefused(await issuer.signV2({ nbf: NOW_S + TOLERANCE + 30 }), unauthorized('not_yet_valid'));
    });

    it('a token for another audience as aud_mismatch', async () => {
      await expectRefused(await issuer.signV2({ aud: 'api://someone-else' }), unauthorized('aud_mismatch'));
      await expectRefused(await issuer.signV2({ aud: '00000003-0000-0000-c000-000000000000' }), unauthorized('aud_mismatch'));
      await expectRefused(await issuer.signV2({ aud: undefined }), unauthorized('aud_mismatch'));
    });

    it('a token whose aud is a list, even one naming this app, as aud_mismatch', async () => {
      await expectRefused(await issuer.signV2({ aud: [CLIENT_ID, 'api://someone-else'] }), unauthorized('aud_mismatch'));
    });

    it('a token from another issuer as iss_mismatch', async () => {
      await expectRefused(await issuer.signV2({ iss: `https://evil.example.com/${TENANT_A}/v2.0` }), unauthorized('iss_mismatch'));
      await expectRefused(await issuer.signV2({ iss: 'https://login.microsoftonline.com/common/v2.0' }), unauthorized('iss_mismatch'));
      await expectRefused(await issuer.signV2({ iss: undefined }), unauthorized('iss_mismatch'));
    });

    it("a token whose issuer names another tenant than its own tid as iss_mismatch (both tenants allowed)", async () => {
      await expectRefused(await issuer.signV2({ tid: TENANT_A, iss: `${AUTHORITY_HOST}/${TENANT_B}/v2.0` }), unauthorized('iss_mismatch'));
      await expectRefused(await issuer.signV1({ tid: TENANT_B, iss: `https://sts.windows.net/${TENANT_A}/` }), unauthorized('iss_mismatch'));
    });

    it('a token whose tid is not a tenant id as iss_mismatch', async () => {
      await expectRefused(await issuer.signV2({ tid: 'common', iss: `${AUTHORITY_HOST}/common/v2.0` }), unauthorized('iss_mismatch'));
    });

    it('a valid token from a tenant that is not allowed with 403 tenant_not_allowed', async () => {
      await expectRefused(await issuer.signV2({ tid: TENANT_C }), { status: 403, error: 'invalid_token', reason: 'tenant_not_allowed' });
      await expectRefused(await issuer.signV1({ tid: TENANT_C }), { status: 403, error: 'invalid_token', reason: 'tenant_not_allowed' });
    });

    it('a token without tid as missing_tid', async () => {
      await expectRefused(await issuer.signV2({ tid: undefined }), unauthorized('missing_tid'));
      await expectRefused(await issuer.signV2({ tid: '' }), unauthorized('missing_tid'));
    });

    it('a token without sub as missing_sub', async () => {
      await expectRefused(await issuer.signV2({ sub: undefined }), unauthorized('missing_sub'));
      await expectRefused(await issuer.signV2({ sub: 42 }), unauthorized('missing_sub'));
    });

    it('a delegated token without the required scope with 403 insufficient_scope', async () => {
      const insufficient = { status: 403, error: 'insufficient_scope', reason: 'missing_scope' };
      await expectRefused(await issuer.signV2({ scp: 'User.Read' }), insufficient);
      await expectRefused(await issuer.signV2({ scp: 'mcp.access' }), insufficient);
      // A delegated token needs the scope in scp; the same name as a user's app role does not count.
      await expectRefused(await issuer.signV2({ scp: 'User.Read', roles: ['MCP.Access'] }), insufficient);
    });

    it('an app-only token without the required app role with 403 insufficient_scope', async () => {
      await expectRefused(await issuer.signV2({ scp: undefined, roles: ['security'] }), {
        status: 403,
        error: 'insufficient_scope',
        reason: 'missing_scope',
      });
    });

    it('a token over 8 KiB as token_too_large, before parsing it', async () => {
      await expectRefused('a'.repeat(MAX_TOKEN_BYTES + 1), unauthorized('token_too_large'));
      const signedButHuge = await issuer.signV2({ padding: 'x'.repeat(MAX_TOKEN_BYTES) });
      await expectRefused(signedButHuge, unauthorized('token_too_large'));
    });
  });
});
