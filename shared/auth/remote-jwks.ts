// Entra's signing keys from its JWKS endpoint, through the injected fetch and clock: cached for
// `cacheMaxAgeMs`, an unknown `kid` refetches at most once per `cooldownMs`, and every fetch runs
// under the `jwks` resilience policy (JWKS_* settings): a timeout per attempt, a retry with jittered
// backoff honouring Retry-After, and a circuit breaker, so that after a failed fetch callers get
// KeysUnavailableError (a 503) at once until the breaker lets one probe fetch through. Keys still
// fresh keep verifying meanwhile. Not jose's remote set: its cooldown counts only from good
// fetches, and it reads the system clock.
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { CheckedDependency, DependencyCheck } from '../health/dependency-check.js';
import { createDependencyPolicy, type DependencyPolicy, type DependencyPolicySettings } from '../resilience/dependency-policy.js';
import type { PolicyObserver } from '../resilience/policy-observer.js';
import { keyIdentities, KeysUnavailableError, type KeySource } from './key-source.js';

/** The dependency's name in errors, readiness and telemetry. */
export const JWKS_DEPENDENCY = 'jwks';

export interface RemoteJwksOptions {
  jwksUri: string;
  cacheMaxAgeMs: number;
  /** 0 lets every unknown `kid` refetch (tests of key rotation). */
  cooldownMs: number;
  /** Timeout, retries and breaker of every fetch (the JWKS_* policy settings). */
  policy: DependencyPolicySettings;
  fetch: typeof globalThis.fetch;
  now: () => Date;
  /** A number in [0, 1) for the jitter of the retry pauses (default Math.random). */
  random?: () => number;
  /** Told about every fetch, for telemetry (failures, consecutive count, next attempt). */
  onFetch?: (event: JwksFetchEvent) => void;
  /** Told of the policy once it exists (breaker metrics and logs). */
  observePolicy?: PolicyObserver;
}

export type JwksFetchEvent =
  | { readonly outcome: 'ok'; readonly keyCount: number; readonly durationMs: number }
  | {
      readonly outcome: 'failed';
      /** Failed fetches in a row (each of up to JWKS_RETRY_MAX_ATTEMPTS requests). */
      readonly consecutiveFailures: number;
      /** Milliseconds until the breaker lets a fetch through again (0 while it is closed). */
      readonly retryInMs: number;
      readonly durationMs: number;
      /** The last attempt's error name and message; never a key or a token. */
      readonly error: string;
      /** The failure's class, for metrics and alerts. */
      readonly errorType: JwksFailureType;
    };

/** Why a JWKS fetch failed: no answer in time, an HTTP status other than 200, a body that is no key set, or no connection. */
export type JwksFailureType = 'timeout' | `http_${number}` | 'invalid_key_set' | 'network';

/** The key set the fetches keep, and what readiness reports. */
export interface RemoteJwks extends KeySource, CheckedDependency {
  readonly name: typeof JWKS_DEPENDENCY;
  readonly policy: DependencyPolicy;
  check(): Promise<DependencyCheck>;
}

/** The endpoint answered, but not 200; its headers carry any Retry-After. */
class JwksStatusError extends Error {
  override readonly name = 'JwksStatusError';
  constructor(
    readonly status: number,
    readonly headers: Headers,
  ) {
    super(`the JWKS endpoint answered HTTP ${status}`);
  }
}

/** The endpoint answered 200 with something that is not a key set. */
class InvalidKeySetError extends Error {
  override readonly name = 'InvalidKeySetError';
}

/** The class of a failed attempt (what `downloadKeySet` threw). */
export function jwksFailureType(error: unknown): JwksFailureType {
  if (error instanceof JwksStatusError) return `http_${error.status}`;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  if (error instanceof InvalidKeySetError || error instanceof SyntaxError || error instanceof errors.JOSEError) return 'invalid_key_set';
  return 'network';
}

interface KeySet {
  readonly jwks: JSONWebKeySet;
  readonly getKey: JWTVerifyGetKey;
  readonly identities: ReadonlyMap<string, string>;
  readonly fetchedAt: number;
}

/** A key source backed by the remote JWKS. */
export function createRemoteJwks(options: RemoteJwksOptions): RemoteJwks {
  const clock = () => options.now().getTime();
  const policy = createDependencyPolicy({
    name: JWKS_DEPENDENCY,
    ...options.policy,
    clock: { now: options.now },
    ...(options.random ? { random: options.random } : {}),
    // One URL serving one document: every failure (a 500, a redirect, a body that is no key set)
    // is worth one more attempt and counts against the endpoint, or a broken endpoint would be
    // asked again by every request that needs the keys.
    isTransient: () => true,
  });
  options.observePolicy?.(policy);
  let keys: KeySet | undefined;
  let pending: Promise<KeySet> | undefined;
  /** Failed fetches in a row (0 after a good one). */
  let failures = 0;
  let lastFailure: JwksFailureType | undefined;

  const unavailable = (retryAfterSeconds: number, cause?: unknown) =>
    new KeysUnavailableError('The token signing keys could not be read', Math.max(1, retryAfterSeconds), { dependency: JWKS_DEPENDENCY, jwksUri: options.jwksUri }, { cause });

  /** The seconds a failed call of the policy says to wait. */
  const waitOf = (error: unknown) => {
    const seconds = (error as { details?: Record<string, unknown> } | null)?.details?.['retry_after_seconds'];
    return typeof seconds === 'number' ? seconds : Math.ceil(options.policy.retry.maxDelayMs / 1000);
  };

  async function fetchKeySet(): Promise<KeySet> {
    const started = clock();
    let attempts = 0;
    let lastAttemptError: unknown;
    try {
      const { jwks, getKey } = await policy.execute(async function attemptFetch(signal) {
        attempts += 1;
        try {
          return await downloadKeySet(options, signal);
        } catch (error) {
          lastAttemptError = error;
          throw error;
        }
      });
      failures = 0;
      lastFailure = undefined;
      keys = { jwks, getKey, identities: keyIdentities(jwks), fetchedAt: clock() };
      options.onFetch?.({ outcome: 'ok', keyCount: jwks.keys.length, durationMs: clock() - started });
      return keys;
    } catch (error) {
      // Refused by the open breaker: no request was made, so nothing to report.
      if (attempts === 0) throw unavailable(waitOf(error), error);
      failures += 1;
      const timedOut = (error as { details?: Record<string, unknown> } | null)?.details?.['error_class'] === 'timeout';
      const last = timedOut ? undefined : lastAttemptError;
      lastFailure = timedOut ? 'timeout' : jwksFailureType(last ?? error);
      const reason = last instanceof Error ? `${last.name}: ${last.message}` : `TimeoutError: no answer within ${options.policy.timeoutMs} ms`;
      const retryInMs = policy.state === 'open' ? policy.retryAfterSeconds() * 1000 : 0;
      options.onFetch?.({ outcome: 'failed', consecutiveFailures: failures, retryInMs, durationMs: clock() - started, error: reason, errorType: lastFailure });
      throw unavailable(waitOf(error), error);
    }
  }

  /** One fetch at a time; while failing, only the probing caller waits and the others are answered at once. */
  function refresh(): Promise<KeySet> {
    if (pending !== undefined) {
      return failures > 0 ? Promise.reject(unavailable(Math.ceil(options.policy.timeoutMs / 1000))) : pending;
    }
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
      throw unavailable(Math.ceil((set.fetchedAt + options.cacheMaxAgeMs - clock()) / 1000), error);
    }
  }

  const fresh = (set: KeySet | undefined): set is KeySet => set !== undefined && clock() - set.fetchedAt < options.cacheMaxAgeMs;

  const getKey: JWTVerifyGetKey = async (...args) => {
    const set = fresh(keys) ? keys : await refresh();
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

  /** /api/ready: fresh keys are ok (degraded while fetches fail); without them, a fetch tells (at once while the breaker is open). */
  async function check(): Promise<DependencyCheck> {
    const cached = keys;
    if (fresh(cached)) {
      const summary = `${signingKeys(cached)}, fetched ${Math.round((clock() - cached.fetchedAt) / 1000)} s ago`;
      if (failures === 0 && policy.state === 'closed') return { name: JWKS_DEPENDENCY, status: 'ok', breaker: policy.state, detail: summary };
      return { name: JWKS_DEPENDENCY, status: 'degraded', breaker: policy.state, detail: `${summary}; fetches are failing (last: ${lastFailure ?? policy.lastErrorClass ?? 'unknown'})` };
    }
    try {
      const set = await refresh();
      return { name: JWKS_DEPENDENCY, status: 'ok', breaker: policy.state, detail: `${signingKeys(set)}, fetched now` };
    } catch (error) {
      const seconds = error instanceof KeysUnavailableError ? error.retryAfterSeconds : 1;
      return { name: JWKS_DEPENDENCY, status: 'down', breaker: policy.state, detail: `no signing keys: fetches are failing (last: ${lastFailure ?? policy.lastErrorClass ?? 'unknown'}); retry in ${seconds} s` };
    }
  }

  return { name: JWKS_DEPENDENCY, policy, getKey, keyIdentity: (kid) => keys?.identities.get(kid), check };
}

function signingKeys(set: KeySet): string {
  return `${set.jwks.keys.length} signing key${set.jwks.keys.length === 1 ? '' : 's'}`;
}

/** GETs the key set; throws on a network error, an abort, a status other than 200, or a body that is no key set. */
async function downloadKeySet(options: RemoteJwksOptions, signal: AbortSignal): Promise<{ jwks: JSONWebKeySet; getKey: JWTVerifyGetKey }> {
  const response = await options.fetch(options.jwksUri, {
    method: 'GET',
    redirect: 'manual',
    headers: { accept: 'application/json, application/jwk-set+json' },
    signal,
  });
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => {});
    throw new JwksStatusError(response.status, response.headers);
  }
  try {
    const jwks = (await response.json()) as JSONWebKeySet;
    return { jwks, getKey: createLocalJWKSet(jwks) }; // createLocalJWKSet throws unless it is a key set
  } catch (error) {
    if (signal.aborted) throw error;
    throw new InvalidKeySetError(error instanceof Error ? `not a key set (${error.name})` : 'not a key set', { cause: error });
  }
}
