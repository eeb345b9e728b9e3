// Tests of the local development issuer: one key file created once, atomically (concurrent
// loaders in one process or in several end with the same key), private on disk, and tokens that
// pass the same verifier Entra tokens go through.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import { LOCAL_ISSUER_ID, LocalIssuerKeyError, loadOrCreateLocalIssuer, type MintOptions } from '../../../shared/auth/local-issuer.js';
import { LOCAL_TENANT_ID } from '../../../shared/identity/principal.js';
import { createAccessTokenVerifier, type AccessTokenVerifierOptions } from '../../../shared/auth/verify-access-token.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const AUDIENCE = 'api://contoso-mcp-local';
const run = promisify(execFile);

let root: string;
const keyFileIn = (name: string) => path.join(root, name, 'nested', 'local-issuer-key.json');

const mintOptions: MintOptions = {
  sub: 'alice',
  tid: LOCAL_TENANT_ID,
  roles: ['security', 'support.write'],
  scope: 'MCP.Access',
  audience: AUDIENCE,
  expiresInSeconds: 3600,
};

function localVerifier(getKey: AccessTokenVerifierOptions['getKey'], now: Date = NOW) {
  return createAccessTokenVerifier({
    getKey,
    audiences: [AUDIENCE],
    allowedTenants: [LOCAL_TENANT_ID],
    requiredScope: 'MCP.Access',
    clockToleranceSeconds: 60,
    maxLifetimeSeconds: 86_400,
    now: () => now,
    issuersFor: () => [LOCAL_ISSUER_ID],
  });
}

describe('loadOrCreateLocalIssuer', () => {
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-issuer-'));
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('creates the key file (and its folder) once, private to the owner, and reuses it', async () => {
    const keyFile = keyFileIn('once');
    const first = await loadOrCreateLocalIssuer(keyFile, { now: () => NOW });
    const stat = fs.statSync(keyFile);
    const second = await loadOrCreateLocalIssuer(keyFile, { now: () => NOW });

    assert.equal(second.kid, first.kid);
    assert.equal(first.issuer, LOCAL_ISSUER_ID);
    if (process.platform !== 'win32') assert.equal(stat.mode & 0o777, 0o600);
    const stored = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as Record<string, unknown>;
    assert.equal(stored.kty, 'RSA');
    assert.equal(stored.alg, 'RS256');
    assert.equal(stored.kid, first.kid);
    assert.equal(typeof stored.d, 'string', 'the file keeps the private key');
    assert.deepEqual(fs.readdirSync(path.dirname(keyFile)), ['local-issuer-key.json'], 'no temp file is left behind');
  });

  it('publishes only the public key, with its kid', async () => {
    const issuer = await loadOrCreateLocalIssuer(keyFileIn('public'), { now: () => NOW });

    assert.equal(issuer.jwks.keys.length, 1);
    const [jwk] = issuer.jwks.keys;
    assert.deepEqual(Object.keys(jwk ?? {}).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    assert.equal(jwk?.kid, issuer.kid);
  });

  it('ends with one key when loaders race in one process', async () => {
    const keyFile = keyFileIn('race-in-process');
    const issuers = await Promise.all(Array.from({ length: 4 }, () => loadOrCreateLocalIssuer(keyFile, { now: () => NOW })));

    assert.equal(new Set(issuers.map((issuer) => issuer.kid)).size, 1);
    assert.deepEqual(fs.readdirSync(path.dirname(keyFile)), ['local-issuer-key.json']);
  });

  it('ends with one key when separate processes race', async () => {
    const keyFile = keyFileIn('race-processes');
    const script = path.resolve('test/support/local-issuer-kid.ts');
    const outputs = await Promise.all(
      Array.from({ length: 3 }, () => run(process.execPath, ['--import', 'tsx', script, keyFile], { cwd: process.cwd() })),
    );
    const kids = outputs.map((output) => output.stdout.trim());

    assert.equal(new Set(kids).size, 1, `different keys: ${kids.join(', ')}`);
    assert.equal((await loadOrCreateLocalIssuer(keyFile, { now: () => NOW })).kid, kids[0]);
  });

  it('mints tokens that pass the access-token verifier through its getKey', async () => {
    const issuer = await loadOrCreateLocalIssuer(keyFileIn('mint'), { now: () => NOW });
    const token = await issuer.mint({ ...mintOptions, oid: 'object-1' });
    const result = await localVerifier(issuer.getKey)(token);

    assert.equal(result.ok, true, JSON.stringify(result));
    if (!result.ok) return;
    assert.deepEqual(result.principal, { callerId: 'object-1', tenantId: LOCAL_TENANT_ID, roles: ['security', 'support.write'], source: 'token' });
    assert.deepEqual(
      { ...result.claims },
      { iss: LOCAL_ISSUER_ID, aud: AUDIENCE, tid: LOCAL_TENANT_ID, sub: 'alice', oid: 'object-1', scp: 'MCP.Access', roles: ['security', 'support.write'], iat: NOW_S, nbf: NOW_S, exp: NOW_S + 3600 },
    );
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'RS256', typ: 'JWT', kid: issuer.kid });
  });

  it('mints tokens that expire after expiresInSeconds', async () => {
    const issuer = await loadOrCreateLocalIssuer(keyFileIn('mint'), { now: () => NOW });
    const token = await issuer.mint({ ...mintOptions, expiresInSeconds: 60 });
    const later = localVerifier(issuer.getKey, new Date(NOW.getTime() + 121_000));

    assert.deepEqual(await later(token), { ok: false, status: 401, error: 'invalid_token', reason: 'expired' });
  });

  it("refuses another issuer key's tokens", async () => {
    const mine = await loadOrCreateLocalIssuer(keyFileIn('mine'), { now: () => NOW });
    const theirs = await loadOrCreateLocalIssuer(keyFileIn('theirs'), { now: () => NOW });

    const result = await localVerifier(mine.getKey)(await theirs.mint(mintOptions));
    assert.deepEqual(result, { ok: false, status: 401, error: 'invalid_token', reason: 'no_matching_key' });
  });

  it('refuses bad mint options', async () => {
    const issuer = await loadOrCreateLocalIssuer(keyFileIn('mint'), { now: () => NOW });

    await assert.rejects(issuer.mint({ ...mintOptions, expiresInSeconds: 0 }), TypeError);
    await assert.rejects(issuer.mint({ ...mintOptions, expiresInSeconds: 1.5 }), TypeError);
    await assert.rejects(issuer.mint({ ...mintOptions, sub: '' }), TypeError);
  });

  it('refuses a key file that does not hold an RS256 private key, naming the file', async () => {
    const keyFile = keyFileIn('corrupt');
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });

    fs.writeFileSync(keyFile, '{ not json');
    await assert.rejects(loadOrCreateLocalIssuer(keyFile, { now: () => NOW }), (error: unknown) => {
      assert.ok(error instanceof LocalIssuerKeyError);
      assert.match(error.message, /is not JSON; delete it/);
      return true;
    });

    fs.writeFileSync(keyFile, JSON.stringify({ kty: 'RSA', kid: 'k', alg: 'RS256', n: 'AQAB', e: 'AQAB' }));
    await assert.rejects(loadOrCreateLocalIssuer(keyFile, { now: () => NOW }), LocalIssuerKeyError);
  });
});
