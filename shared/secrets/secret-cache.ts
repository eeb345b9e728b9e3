// The cache in front of a remote secret store (Key Vault): each answer, a value or "not set", is
// served for a TTL; one read per secret is in flight at a time (callers arriving meanwhile share
// it); a failed read serves the last known answer (stale-if-error) or throws UnavailableError, and
// the store is not asked again for that secret until a short backoff has passed. Values are never
// logged or put in errors: log lines carry the secret's name, its version and the failure reason.
import { UnavailableError } from '../errors/domain-error.js';
import type { Logger } from '../telemetry/logger.js';
import type { Clock } from '../time/clock.js';
import type { SecretName } from './secrets-provider.js';

/** What the store answered for one secret. */
export type SecretAnswer = { found: true; value: string; version: string | undefined } | { found: false };

/** One answer from the cache: `stale` when the store failed and the last known answer was served. */
export interface CachedSecret {
  value: string | undefined;
  stale: boolean;
  /** Why the last read failed, while it is failing. */
  failure: string | undefined;
}

export interface SecretCacheOptions {
  /** The dependency's name in messages and /api/ready (`key_vault`). */
  dependency: string;
  /** Reads one secret from the store; throws when the store cannot answer. */
  fetch: (name: SecretName) => Promise<SecretAnswer>;
  /** A short reason for a failed fetch, without values or credentials (`HTTP 503`, `timed out`). */
  describeFailure: (error: unknown) => string;
  ttlMs: number;
  /** After a failed read, the store is not asked for that secret again for this long. */
  failureBackoffMs: number;
  clock: Clock;
  logger: Logger;
}

export interface SecretCache {
  read(name: SecretName): Promise<CachedSecret>;
}

interface Entry {
  /** The last answer the store gave. */
  known?: { value: string | undefined; version: string | undefined; readAt: number };
  /** The last failed read, until a read succeeds. */
  failure?: { reason: string; at: number };
  inflight?: Promise<CachedSecret>;
}

export function createSecretCache(options: SecretCacheOptions): SecretCache {
  const entries = new Map<SecretName, Entry>();
  const now = () => options.clock.now().getTime();

  function servedWithoutStore(name: SecretName, entry: Entry, reason: string): CachedSecret {
    if (entry.known) return { value: entry.known.value, stale: true, failure: reason };
    throw new UnavailableError(`${options.dependency}: ${name} could not be read (${reason})`, {
      dependency: options.dependency,
      secret_name: name,
      reason,
    });
  }

  function remember(name: SecretName, entry: Entry, answer: SecretAnswer): CachedSecret {
    const value = answer.found ? answer.value : undefined;
    const version = answer.found ? answer.version : undefined;
    const before = entry.known;
    if (before && (before.value === undefined) !== (value === undefined)) {
      options.logger.info(`${options.dependency} secret ${value === undefined ? 'removed' : 'set'}`, { secret_name: name, version });
    } else if (before && before.version !== version) {
      options.logger.info(`${options.dependency} secret changed`, { secret_name: name, version });
    }
    entry.known = { value, version, readAt: now() };
    delete entry.failure;
    return { value, stale: false, failure: undefined };
  }

  function failed(name: SecretName, entry: Entry, error: unknown): CachedSecret {
    const reason = options.describeFailure(error);
    entry.failure = { reason, at: now() };
    const fields = { secret_name: name, reason, retry_after_ms: options.failureBackoffMs };
    if (entry.known) {
      options.logger.warn(`${options.dependency} read failed; serving the last known answer`, {
        ...fields,
        stale_for_seconds: Math.round((now() - entry.known.readAt) / 1000),
      });
    } else {
      options.logger.warn(`${options.dependency} read failed`, fields);
    }
    return servedWithoutStore(name, entry, reason);
  }

  async function refresh(name: SecretName, entry: Entry): Promise<CachedSecret> {
    try {
      return remember(name, entry, await options.fetch(name));
    } catch (error) {
      return failed(name, entry, error);
    } finally {
      delete entry.inflight;
    }
  }

  return {
    async read(name) {
      const entry = entries.get(name) ?? {};
      entries.set(name, entry);
      const at = now();
      if (entry.known && at - entry.known.readAt < options.ttlMs) return { value: entry.known.value, stale: false, failure: undefined };
      if (entry.inflight) return entry.inflight;
      if (entry.failure && at - entry.failure.at < options.failureBackoffMs) return servedWithoutStore(name, entry, entry.failure.reason);
      entry.inflight = refresh(name, entry);
      return entry.inflight;
    },
  };
}
