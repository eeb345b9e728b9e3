// The only calls the Cosmos DB store makes on documents, each timed, its request charge (RU)
// logged at debug, and its failure mapped by cosmos-errors.ts. Missing documents, id collisions
// and stale ETags are answers here, not errors: the repos decide what they mean.
import type { Container, ItemDefinition, PartitionKey, SqlQuerySpec } from '@azure/cosmos';
import type { Logger } from '../../telemetry/logger.js';
import { cosmosStatus, toStoreError } from './cosmos-errors.js';

/** A document as read, with the ETag a conditional replace must match. */
export interface Stored<T> {
  doc: T;
  etag: string;
}

/** Most items one query page may return: few pages, since the test server rescans per page. */
const QUERY_PAGE_SIZE = 1000;

export interface CosmosOps {
  read<T>(container: Container, id: string, partitionKey: PartitionKey): Promise<Stored<T> | null>;
  /** A query; with `partitionKey` it runs in that partition only (the query must filter on it too). */
  query<T>(container: Container, query: SqlQuerySpec, partitionKey?: PartitionKey): Promise<T[]>;
  /** Creates `doc`; `exists` when a document with its id is already in its partition. */
  create(container: Container, doc: ItemDefinition): Promise<'created' | 'exists'>;
  upsert(container: Container, doc: ItemDefinition): Promise<void>;
  /** Replaces the document if it still has `etag`; `changed` when someone wrote it since (412). */
  replaceIfMatch(container: Container, doc: ItemDefinition, partitionKey: PartitionKey, etag: string): Promise<'replaced' | 'changed' | 'missing'>;
  /** Deletes the document; a missing one is fine. */
  delete(container: Container, id: string, partitionKey: PartitionKey): Promise<void>;
  /** Atomically adds 1 to the number at `path` (a patch) and returns the new value; null when the document is missing. */
  increment(container: Container, id: string, partitionKey: PartitionKey, path: string): Promise<number | null>;
  /** Logs a request charge from calls made elsewhere (bulk operations). */
  charge(op: string, container: Container, ru: number, started: number): void;
}

/** The request charge an SDK error reports, or 0. */
function requestChargeOf(error: unknown): number {
  const headers = (error as { headers?: Record<string, unknown> } | null)?.headers;
  const charge = Number(headers?.['x-ms-request-charge'] ?? 0);
  return Number.isFinite(charge) ? charge : 0;
}

export function createCosmosOps(logger: Logger): CosmosOps {
  const charge = (op: string, container: Container, ru: number, started: number) => {
    logger.debug('cosmos request', { op, container: container.id, ru: Math.round(ru * 100) / 100, ms: Math.round(performance.now() - started) });
  };

  return {
    charge,
    async read<T>(container: Container, id: string, partitionKey: PartitionKey) {
      const started = performance.now();
      try {
        const response = await container.item(id, partitionKey).read<T & ItemDefinition>();
        charge('read', container, response.requestCharge, started);
        if (response.statusCode === 404 || response.resource === undefined) return null;
        return { doc: response.resource as T, etag: response.etag };
      } catch (error) {
        if (cosmosStatus(error) === 404) return null;
        throw toStoreError(error, `read ${container.id}`);
      }
    },
    async query<T>(container: Container, query: SqlQuerySpec, partitionKey?: PartitionKey) {
      const started = performance.now();
      try {
        const response = await container.items
          .query<T>(query, { maxItemCount: QUERY_PAGE_SIZE, ...(partitionKey === undefined ? {} : { partitionKey }) })
          .fetchAll();
        charge(partitionKey === undefined ? 'query (cross-partition)' : 'query', container, response.requestCharge, started);
        return response.resources;
      } catch (error) {
        throw toStoreError(error, `query ${container.id}`);
      }
    },
    async create(container, doc) {
      const started = performance.now();
      try {
        const response = await container.items.create(doc);
        charge('create', container, response.requestCharge, started);
        return 'created';
      } catch (error) {
        if (cosmosStatus(error) === 409) return 'exists';
        throw toStoreError(error, `create in ${container.id}`);
      }
    },
    async upsert(container, doc) {
      const started = performance.now();
      try {
        const response = await container.items.upsert(doc);
        charge('upsert', container, response.requestCharge, started);
      } catch (error) {
        throw toStoreError(error, `upsert in ${container.id}`);
      }
    },
    async replaceIfMatch(container, doc, partitionKey, etag) {
      const started = performance.now();
      if (doc.id === undefined) throw new TypeError('A replaced document needs its id');
      try {
        const response = await container.item(doc.id, partitionKey).replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
        charge('replace', container, response.requestCharge, started);
        return 'replaced';
      } catch (error) {
        const status = cosmosStatus(error);
        if (status === 412) {
          charge('replace (ETag changed: decide again)', container, requestChargeOf(error), started);
          return 'changed';
        }
        if (status === 404) return 'missing';
        throw toStoreError(error, `replace in ${container.id}`);
      }
    },
    async delete(container, id, partitionKey) {
      const started = performance.now();
      try {
        const response = await container.item(id, partitionKey).delete();
        charge('delete', container, response.requestCharge, started);
      } catch (error) {
        if (cosmosStatus(error) === 404) return;
        throw toStoreError(error, `delete in ${container.id}`);
      }
    },
    async increment(container, id, partitionKey, path) {
      const started = performance.now();
      try {
        const response = await container.item(id, partitionKey).patch<Record<string, unknown>>([{ op: 'incr', path, value: 1 }]);
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
