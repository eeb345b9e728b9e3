// The local development issuer: an RS256 key pair kept as a private JWK in a file (created once,
// atomically, so the server and `npm run token` always share one key) that mints tokens shaped
// like Entra's. Local mode verifies them with the same verifier as Entra tokens, via getKey.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import * as z from 'zod';

/** The local issuer's fixed identifier (the `iss` of every token it mints). */
export const LOCAL_ISSUER_ID = 'https://contoso-mcp.local/issuer';

export interface MintOptions {
  sub: string;
  oid?: string;
  tid: string;
  /** App role names, as Entra would put them in `roles`. */
  roles: readonly string[];
  /** The delegated scope(s), space-separated, written to `scp`. */
  scope: string;
  audience: string;
  expiresInSeconds: number;
}

export interface LocalIssuer {
  readonly issuer: string;
  readonly kid: string;
  /** The public key set, as a JWKS endpoint would publish it. */
  readonly jwks: JSONWebKeySet;
  /** Key resolver for createAccessTokenVerifier. */
  readonly getKey: JWTVerifyGetKey;
  /** A compact RS256 JWT with iss, aud, tid, sub, oid, scp, roles, iat, nbf and exp. */
  mint(options: MintOptions): Promise<string>;
}

/** The key file exists but does not hold a usable RSA private key. */
export class LocalIssuerKeyError extends Error {
  override readonly name = 'LocalIssuerKeyError';
}

const b64url = z.string().regex(/^[\w-]+$/);
const storedKeySchema = z.object({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  alg: z.literal('RS256'),
  n: b64url,
  e: b64url,
  d: b64url,
  p: b64url,
  q: b64url,
  dp: b64url,
  dq: b64url,
  qi: b64url,
});

/** Loads the issuer key from `keyFile`, creating it (and its folder) on first use. */
export async function loadOrCreateLocalIssuer(keyFile: string, options: { now: () => Date }): Promise<LocalIssuer> {
  const stored = (await readKeyFile(keyFile)) ?? (await createKeyFile(keyFile));
  const { kid, kty, n, e } = stored;
  const publicJwk: JWK = { kty, n, e, kid, alg: 'RS256', use: 'sig' };
  const privateKey = await importJWK({ ...stored }, 'RS256');
  const jwks: JSONWebKeySet = { keys: [publicJwk] };
  return {
    issuer: LOCAL_ISSUER_ID,
    kid,
    jwks: structuredClone(jwks),
    getKey: createLocalJWKSet(jwks),
    async mint(claims) {
      if (!Number.isSafeInteger(claims.expiresInSeconds) || claims.expiresInSeconds <= 0) {
        throw new TypeError('expiresInSeconds must be a positive whole number');
      }
      if (!claims.sub || !claims.tid) throw new TypeError('sub and tid must not be empty');
      const iat = Math.floor(options.now().getTime() / 1000);
      return new SignJWT({ tid: claims.tid, ...(claims.oid ? { oid: claims.oid } : {}), scp: claims.scope, roles: [...claims.roles] })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
        .setIssuer(LOCAL_ISSUER_ID)
        .setAudience(claims.audience)
        .setSubject(claims.sub)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + claims.expiresInSeconds)
        .sign(privateKey);
    },
  };
}

type StoredKey = z.output<typeof storedKeySchema>;

/** The stored key, or undefined when the file does not exist yet. */
async function readKeyFile(keyFile: string): Promise<StoredKey | undefined> {
  let text: string;
  try {
    text = await fs.readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new LocalIssuerKeyError(`${keyFile} is not JSON; delete it to create a new key`, { cause });
  }
  const parsed = storedKeySchema.safeParse(json, { jitless: true }); // read once: not worth zod's compiled fast path
  if (!parsed.success) throw new LocalIssuerKeyError(`${keyFile} does not hold an RS256 private JWK; delete it to create a new key`);
  return parsed.data;
}

/**
 * Writes a new key to a private temp file in the same folder, then hard-links it to `keyFile`,
 * which fails if the file already exists (O_EXCL semantics): when two processes race, the first
 * link wins and both go on with the key file's contents. Mode 0600, folder 0700.
 */
async function createKeyFile(keyFile: string): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const content = `${JSON.stringify({ ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' }, null, 2)}\n`;
  const dir = path.dirname(keyFile);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(keyFile)}.${process.pid}.${randomUUID()}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await publish(temp, keyFile);
  } finally {
    await fs.rm(temp, { force: true });
  }
  const stored = await readKeyFile(keyFile);
  if (!stored) throw new LocalIssuerKeyError(`${keyFile} disappeared while it was being created`);
  return stored;
}

/** Makes `temp` appear as `keyFile` unless `keyFile` already exists (then the existing one wins). */
async function publish(temp: string, keyFile: string): Promise<void> {
  try {
    await fs.link(temp, keyFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    // File systems without hard links: an exclusive copy keeps the first-one-wins rule.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    await fs.copyFile(temp, keyFile, fs.constants.COPYFILE_EXCL).catch((copyError: NodeJS.ErrnoException) => {
      if (copyError.code !== 'EEXIST') throw copyError;
    });
  }
}
