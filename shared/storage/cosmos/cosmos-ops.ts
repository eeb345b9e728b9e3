// The only calls the Cosmos DB store makes on documents, each under the Cosmos DB policy
// (cosmos-policy.ts), timed, its request charge (RU) logged at debug, and its failure mapped by
// cosmos-errors.ts. Missing documents, id collisions and stale ETags are answers here, not errors:
// the repos decide what they mean. Every write is safe to send again after an ambiguous failure
// (a timeout or a dropped connection may hide a write that was applied): see each operation.
import { isDeepStrictEqual } from 'node:util';
import type { Container, ItemDefinition, PartitionKey, SqlQuerySpec } from '@azure/cosmos';
import type { Logger } from '../../telemetry/logger.js';
import { cosmosStatus, toStoreError } from './cosmos-errors.js';
import type { CosmosPolicy } from './cosmos-policy.js';

/** A document as read, with the ETag a conditional replace must match. */
export interface Stored<T> {
  doc: T;
  etag: string;
}

/** Most items one query page may return: few pages, since the test server rescans per page. */
const QUERY_PAGE_SIZE = 1000;

/** Properties the service adds to every document it stores. */
const SYSTEM_PROPERTIES = new Set(['_rid', '_self', '_etag', '_attachments', '_ts']);

export interface CosmosOps {
  read<T>(container: Container, id: string, partitionKey: PartitionKey): Promise<Stored<T> | null>;
  /** A query; with `partitionKey` it runs in that partition only (the query must filter on it too). */
  query<T>(container: Container, query: SqlQuerySpec, partitionKey?: PartitionKey): Promise<T[]>;
  /**
   * Creates `doc`; `exists` when another document with its id is already in its partition. A
   * document already there with exactly `doc`'s content counts as created: an earlier attempt of
   * this create (or of the caller's retry) wrote it.
   */
  create(container: Container, doc: ItemDefinition, partitionKey: PartitionKey): Promise<'created' | 'exists'>;
  /** Writes `doc` whole, whether or not it exists: idempotent. */
  upsert(container: Container, doc: ItemDefinition): Promise<void>;
  /** Replaces the document if it still has `etag`; `changed` when someone wrote it since (412). */
  replaceIfMatch(container: Container, doc: ItemDefinition, partitionKey: PartitionKey, etag: string): Promise<'replaced' | 'changed' | 'missing'>;
  /** Deletes the document; a missing one is fine. */
  delete(container: Container, id: string, partitionKey: PartitionKey): Promise<void>;
  /** Atomically adds 1 to the number at `path` (a patch) and returns the new value; null when the document is missing. */
  increment(container: Container, id: string, partitionKey: PartitionKey, path: string): Promise<number | null>;
  /** Runs an SDK call this file does not make (bulk operations) under the policy; `fn` passes the signal on. */
  run<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Reads a document with one attempt and no retry (readiness): fails at once while the breaker is open. */
  probe(container: Container, id: string, partitionKey: PartitionKey): Promise<void>;
  /** Logs a request charge from calls made elsewhere (bulk operations). */
  charge(op: string, container: Container, ru: number, started: number): void;
}

/** The request charge an SDK error reports, or 0. */
function requestChargeOf(error: unknown): number {
  const headers = (error as { headers?: Record<string, unknown> } | null)?.headers;
  const charge = Number(headers?.['x-ms-request-charge'] ?? 0);
  return Number.isFinite(charge) ? charge : 0;
}

/** Whether the stored document holds exactly what `doc` would write (the service's own properties aside). */
function holdsExactly(stored: Record<string, unknown>, doc: ItemDefinition): boolean {
  // A document written back after a read still carries the properties it was read with.
  const content = (value: object) => Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(value)) as object).filter(([key]) => !SYSTEM_PROPERTIES.has(key)));
  return isDeepStrictEqual(content(stored), content(doc));
}

export function createCosmosOps(logger: Logger, policy: CosmosPolicy): CosmosOps {
  const charge = (op: string, container: Container, ru: number, started: number) => {
    logger.debug('cosmos request', { op, container: container.id, ru: Math.round(ru * 100) / 100, ms: Math.round(performance.now() - started) });
  };

  async function read<T>(container: Container, id: string, partitionKey: PartitionKey): Promise<Stored<T> | null> {
    const started = performance.now();
    try {
      const response = await policy.execute((signal) => container.item(id, partitionKey).read<T & ItemDefinition>({ abortSignal: signal }));
      charge('read', container, response.requestCharge, started);
      if (response.statusCode === 404 || response.resource === undefined) return null;
      return { doc: response.resource, etag: response.etag };
    } catch (error) {
      if (cosmosStatus(error) === 404) return null;
      throw toStoreError(error, `read ${container.id}`);
    }
  }

  /** After a 409 or 412: does the document now hold exactly `doc`? (One more point read.) */
  async function alreadyWritten(container: Container, doc: ItemDefinition, partitionKey: PartitionKey): Promise<boolean> {
    if (doc.id === undefined) return false;
    const current = await read<Record<string, unknown>>(container, doc.id, partitionKey);
    return current !== null && holdsExactly(current.doc, doc);
  }

  return {
    charge,
    read,
    run: (fn) => policy.execute(fn),
    async probe(container, id, partitionKey) {
      try {
        await policy.probe((signal) => container.item(id, partitionKey).read({ abortSignal: signal }));
      } catch (error) {
        if (cosmosStatus(error) === 404) return;
        throw toStoreError(error, `read ${container.id}`);
      }
    },
    async query<T>(container: Container, query: SqlQuerySpec, partitionKey?: PartitionKey) {
      const started = performance.now();
      try {
        // Reads only: a retry runs the whole query again (each attempt is bounded by the timeout).
        const response = await policy.execute((signal) =>
          container.items.query<T>(query, { maxItemCount: QUERY_PAGE_SIZE, abortSignal: signal, ...(partitionKey === undefined ? {} : { partitionKey }) }).fetchAll(),
        );
        charge(partitionKey === undefined ? 'query (cross-partition)' : 'query', container, response.requestCharge, started);
        return response.resources;
      } catch (error) {
        throw toStoreError(error, `query ${container.id}`);
      }
    },
    async create(container, doc, partitionKey) {
      const started = performance.now();
      try {
        const response = await policy.execute((signal) => container.items.create(doc, { abortSignal: signal }));
        charge('create', container, response.requestCharge, started);
        return 'created';
      } catch (error) {
        if (cosmosStatus(error) !== 409) throw toStoreError(error, `create in ${container.id}`);
        // A retry after a lost answer meets the document its first attempt wrote: that is ours.
        return (await alreadyWritten(container, doc, partitionKey)) ? 'created' : 'exists';
      }
    },
    async upsert(container, doc) {
      const started = performance.now();
      try {
        const response = await policy.execute((signal) => container.items.upsert(doc, { abortSignal: signal }));
        charge('upsert', container, response.requestCharge, started);
      } catch (error) {
        throw toStoreError(error, `upsert in ${container.id}`);
      }
    },
    async replaceIfMatch(container, doc, partitionKey, etag) {
      const started = performance.now();
      if (doc.id === undefined) throw new TypeError('A replaced document needs its id');
      const id = doc.id;
      let attempts = 0;
      try {
        const response = await policy.execute((signal) => {
          attempts += 1;
          return container.item(id, partitionKey).replace(doc, { accessCondition: { type: 'IfMatch', condition: etag }, abortSignal: signal });
        });
        charge('replace', container, response.requestCharge, started);
        return 'replaced';
      } catch (error) {
        const status = cosmosStatus(error);
        if (status === 412) {
          charge('replace (ETag changed: decide again)', container, requestChargeOf(error), started);
          // The ETag changed after a retry: maybe an earlier attempt of this call was applied and
          // only its answer was lost. If the document holds exactly what we wrote, it was; deciding
          // again would apply the change twice (a second payment).
          if (attempts > 1 && (await alreadyWritten(container, doc, partitionKey))) return 'replaced';
          return 'changed';
        }
        if (status === 404) return 'missing';
        throw toStoreError(error, `replace in ${container.id}`);
      }
    },
    async delete(container, id, partitionKey) {
      const started = performance.now();
      try {
        // A retry after a delete that was applied meets 404: fine.
        const response = await policy.execute((signal) => container.item(id, partitionKey).delete({ abortSignal: signal }));
        charge('delete', container, response.requestCharge, started);
      } catch (error) {
        if (cosmosStatus(error) === 404) return;
        throw toStoreError(error, `delete in ${container.id}`);
      }
    },
    async increment(container, id, partitionKey, path) {
      const started = performance.now();
      try {
        // Not idempotent, and nothing tells whether an ambiguous attempt was applied: a retry
        // after a lost answer may skip a number. A counter value is never handed out twice,
        // which is all its users (ticket ids) need; a skipped one is only a gap.
        const response = await policy.execute((signal) => container.item(id, partitionKey).patch<Record<string, unknown>>([{ op: 'incr', path, value: 1 }], { abortSignal: signal }));
        charge('patch', container, response.requestCharge, started);
        const value = response.resource?.[path.slice(1)];
        if (typeof value !== 'number') throw new TypeError(`${container.id}/${id}${path} is not a number`);
        return value;
      } catch (error) {
        if (cosmosStatus(error) === 404) return null;
        if (error instanceof TypeError) throw error;
        throw toStoreError(error, `patch in ${container.id}`);
      }
    },
  };
}
