// Entra's signing keys from its JWKS endpoint, through the injected fetch and clock: cached for
// `cacheMaxAgeMs`, an unknown `kid` refetches at most once per `cooldownMs`, and a failed fetch
// starts a doubling backoff (with jitter) during which callers get KeysUnavailableError at once.
// Not jose's remote set: its cooldown counts only from good fetches, and it reads the system clock.
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { keyIdentities, KeysUnavailableError, type KeySource } from './key-source.js';

/** Longest wait for the JWKS endpoint, in milliseconds. */
export const JWKS_TIMEOUT_MS = 5_000;

/** The backoff is shortened by up to this fraction at random, so instances do not retry in step. */
export const BACKOFF_JITTER = 0.2;

export interface RemoteJwksOptions {
  jwksUri: string;
  cacheMaxAgeMs: number;
  /** 0 lets every unknown `kid` refetch (tests of key rotation). */
  cooldownMs: number;
  /** Pause after the first failed fetch; doubles with each further failure. */
  failureBackoffMs: number;
  /** The longest pause between failed fetches. */
  failureBackoffMaxMs: number;
  fetch: typeof globalThis.fetch;
  now: () => Date;
  /** A number in [0, 1) for the jitter (default Math.random). */
  random?: () => number;
  /** The signal that ends one fetch (default: a JWKS_TIMEOUT_MS timeout); tests end a hang by hand. */
  timeoutSignal?: () => AbortSignal;
  /** Told about every fetch, for telemetry (failures, consecutive count, next attempt). */
  onFetch?: (event: JwksFetchEvent) => void;
}

export type JwksFetchEvent =
  | { readonly outcome: 'ok'; readonly keyCount: number; readonly durationMs: number }
  | {
      readonly outcome: 'failed';
      readonly consecutiveFailures: number;
      /** Milliseconds until the next fetch may be made. */
      readonly retryInMs: number;
      readonly durationMs: number;
      /** The error's name and message; never a key or a token. */
      readonly error: string;
      /** The failure's class, for metrics and alerts. */
      readonly errorType: JwksFailureType;
    };

/** Why a JWKS fetch failed: no answer in time, an HTTP status other than 200, a body that is no key set, or no connection. */
export type JwksFailureType = 'timeout' | `http_${number}` | 'invalid_key_set' | 'network';

/** The endpoint answered, but not 200. */
class JwksStatusError extends Error {
  override readonly name = 'JwksStatusError';
  constructor(readonly status: number) {
    super(`the JWKS endpoint answered HTTP ${status}`);
  }
}

/** The class of a failed fetch (what `download` or jose's key set parser threw). */
export function jwksFailureType(error: unknown): JwksFailureType {
  if (error instanceof JwksStatusError) return `http_${error.status}`;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  if (error instanceof SyntaxError || error instanceof errors.JOSEError) return 'invalid_key_set';
  return 'network';
}

interface KeySet {
  readonly getKey: JWTVerifyGetKey;
  readonly identities: ReadonlyMap<string, string>;
  readonly fetchedAt: number;
}

/** A key source backed by the remote JWKS. */
export function createRemoteJwks(options: RemoteJwksOptions): KeySource {
  const { failureBackoffMs, failureBackoffMaxMs } = options;
  if (!(failureBackoffMs > 0) || !(failureBackoffMaxMs >= failureBackoffMs)) {
    throw new TypeError('failureBackoffMs must be positive and failureBackoffMaxMs at least as long');
  }
  const random = options.random ?? Math.random;
  const timeoutSignal = options.timeoutSignal ?? (() => AbortSignal.timeout(JWKS_TIMEOUT_MS));
  const clock = () => options.now().getTime();
  let keys: KeySet | undefined;
  let pending: Promise<KeySet> | undefined;
  let failures = 0;
  /** No fetch before this time (ms); 0 when the last fetch succeeded. */
  let retryAt = 0;

  const unavailable = (waitMs: number, cause?: unknown) =>
    new KeysUnavailableError('The token signing keys could not be read', Math.max(1, Math.ceil(waitMs / 1000)), { jwksUri: options.jwksUri }, { cause });

  async function fetchKeySet(): Promise<KeySet> {
    const started = clock();
    let jwks: JSONWebKeySet;
    let getKey: JWTVerifyGetKey;
    try {
      jwks = await download(options, timeoutSignal());
      getKey = createLocalJWKSet(jwks);
    } catch (error) {
      failures += 1;
      const base = Math.min(failureBackoffMaxMs, failureBackoffMs * 2 ** Math.min(failures - 1, 30));
      const retryInMs = Math.round(base * (1 - BACKOFF_JITTER * random()));
      retryAt = clock() + retryInMs;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      options.onFetch?.({ outcome: 'failed', consecutiveFailures: failures, retryInMs, durationMs: clock() - started, error: reason, errorType: jwksFailureType(error) });
      throw unavailable(retryInMs, error);
    }
    failures = 0;
    retryAt = 0;
    keys = { getKey, identities: keyIdentities(jwks), fetchedAt: clock() };
    options.onFetch?.({ outcome: 'ok', keyCount: jwks.keys.length, durationMs: clock() - started });
    return keys;
  }

  /** One fetch at a time; none during the backoff; while failing, only the probing caller waits. */
  function refresh(): Promise<KeySet> {
    if (pending !== undefined) {
      return failures > 0 ? Promise.reject(unavailable(JWKS_TIMEOUT_MS)) : pending;
    }
    const waitMs = retryAt - clock();
    if (waitMs > 0) return Promise.reject(unavailable(waitMs));
    const current = fetchKeySet().finally(() => {
      if (pending === current) pending = undefined;
    });
    pending = current;
    return current;
  }

  /** No key fits, or several do: about the token (401). Anything else: the key set is unusable. */
  async function resolve(set: KeySet, ...args: Parameters<JWTVerifyGetKey>): Promise<Awaited<ReturnType<JWTVerifyGetKey>>> {
    try {
      return await set.getKey(...args);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw unavailable(set.fetchedAt + options.cacheMaxAgeMs - clock(), error);
    }
  }

  const getKey: JWTVerifyGetKey = async (...args) => {
    const set = keys !== undefined && clock() - keys.fetchedAt < options.cacheMaxAgeMs ? keys : await refresh();
    try {
      return await resolve(set, ...args);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      // No key has this kid: use keys fetched meanwhile, or refetch unless within the cooldown.
      if (keys !== undefined && keys !== set) return resolve(keys, ...args);
      if (clock() - set.fetchedAt < options.cooldownMs) throw error;
      return resolve(await refresh(), ...args);
    }
  };

  return { getKey, keyIdentity: (kid) => keys?.identities.get(kid) };
}

/** GETs the key set; throws on a network error, a timeout, a status other than 200 or bad JSON. */
async function download(options: RemoteJwksOptions, signal: AbortSignal): Promise<JSONWebKeySet> {
  const response = await options.fetch(options.jwksUri, {
    method: 'GET',
    redirect: 'manual',
    headers: { accept: 'application/json, application/jwk-set+json' },
    signal,
  });
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => {});
    throw new JwksStatusError(response.status);
  }
  return (await response.json()) as JSONWebKeySet;
}
