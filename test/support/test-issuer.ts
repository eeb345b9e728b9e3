// A real HTTP JWKS issuer for tests: node:http on 127.0.0.1 serving /keys, with keys that can be
// rotated in, retired and made to fail, and helpers that sign tokens shaped like Entra's v1.0 and v2.0
// access tokens (or anything else an attack test needs).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const APP_ID_URI = 'api://contoso-mcp-test';
export const CLIENT_ID = '6f1c2b9e-0d3a-4c5e-9b8a-7e6d5c4b3a21';
export const TENANT_A = '11111111-1111-4111-8111-111111111111';
export const TENANT_B = '22222222-2222-4222-8222-222222222222';
/** A real-looking tenant that is never allowed. */
export const TENANT_C = '33333333-3333-4333-8333-333333333333';
export const REQUIRED_SCOPE = 'MCP.Access';

export interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

let keyCount = 0;

/** A fresh RSA 2048 key pair with a `kid`; not published anywhere until an issuer does. */
export async function createTestKey(kid = `test-key-${++keyCount}`): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return { kid, privateKey, publicKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** Claim overrides; `undefined` removes a claim. */
export type ClaimOverrides = Record<string, unknown>;

export interface SignOptions {
  /** Signing key (default: the issuer's current key). */
  key?: TestKey;
  /** Header fields to set or override (`kid` defaults to the key's). */
  header?: Record<string, unknown>;
}

export interface TestIssuer {
  /** `http://127.0.0.1:<port>/keys`. */
  readonly jwksUri: string;
  /** The key new tokens are signed with (the last one published). */
  readonly currentKey: TestKey;
  /** How many times /keys was fetched. */
  fetchCount(): number;
  /** Creates and publishes a new key (the old ones stay published) and makes it current. */
  rotate(): Promise<TestKey>;
  /** Stops publishing `key`, as Entra drops a key some time after rotating to the next one. */
  retire(key: TestKey): void;
  /** Makes /keys answer `status` (e.g. 500) until called with undefined. */
  failWith(status: number | undefined): void;
  /** An Entra v1.0-shaped token: iss https://sts.windows.net/{tid}/, aud the app ID URI, ver 1.0. */
  signV1(overrides?: ClaimOverrides, options?: SignOptions): Promise<string>;
  /** An Entra v2.0-shaped token: iss {authority}/{tid}/v2.0, aud the client id, ver 2.0. */
  signV2(overrides?: ClaimOverrides, options?: SignOptions): Promise<string>;
  /** Exactly `claims`, signed RS256. */
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(options: { now: Date }): Promise<TestIssuer> {
  const keys: TestKey[] = [await createTestKey()];
  let fetches = 0;
  let failure: number | undefined;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/keys') {
      res.writeHead(404).end();
      return;
    }
    fetches += 1;
    if (failure !== undefined) {
      res.writeHead(failure, { 'content-type': 'text/plain' }).end('unavailable');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: keys.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const iat = Math.floor(options.now.getTime() / 1000);

  const current = () => keys[keys.length - 1] as TestKey;
  const sign = (claims: JWTPayload, signOptions: SignOptions = {}) => {
    const key = signOptions.key ?? current();
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...signOptions.header }).sign(key.privateKey);
  };
  const entra = (base: JWTPayload, overrides: ClaimOverrides, signOptions?: SignOptions) => {
    const claims: Record<string, unknown> = { ...base, ...overrides };
    for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
    return sign(claims, signOptions);
  };
  const common = (tid: string) => ({
    tid,
    sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ',
    oid: 'a4b5c6d7-0000-4000-8000-0000000000aa',
    scp: REQUIRED_SCOPE,
    roles: ['security'],
    iat,
    nbf: iat,
    exp: iat + 3600,
  });

  return {
    jwksUri: `http://127.0.0.1:${port}/keys`,
    get currentKey() {
      return current();
    },
    fetchCount: () => fetches,
    async rotate() {
      const key = await createTestKey();
      keys.push(key);
      return key;
    },
    retire(key) {
      const index = keys.indexOf(key);
      if (index >= 0) keys.splice(index, 1);
    },
    failWith(status) {
      failure = status;
    },
    signV1(overrides = {}, signOptions) {
      const tid = typeof overrides.tid === 'string' ? overrides.tid : TENANT_A;
      return entra({ ...common(tid), iss: `https://sts.windows.net/${tid}/`, aud: APP_ID_URI, ver: '1.0', appid: CLIENT_ID }, overrides, signOptions);
    },
    signV2(overrides = {}, signOptions) {
      const tid = typeof overrides.tid === 'string' ? overrides.tid : TENANT_A;
      return entra({ ...common(tid), iss: `${AUTHORITY_HOST}/${tid}/v2.0`, aud: CLIENT_ID, ver: '2.0', azp: CLIENT_ID }, overrides, signOptions);
    },
    sign,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
