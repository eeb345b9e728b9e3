// The Cosmos DB store's replaceAll: removes the seed marker, upserts every document of the
// dataset with bulk operations (each naming its partition key), deletes documents no longer in
// it (created since the last seed, or of customers beyond the new count), and writes the marker
// last. Not atomic (Cosmos DB has no transaction across partitions), but idempotent: the same
// input, run twice or concurrently, leaves the same documents, and an interrupted run leaves no
// marker, so the store reads as unseeded and seeding runs again. Each bulk request runs under the
// store's policy; operations the service throttled inside a bulk answer are retried here, in rounds.
import { BulkOperationType, type Container, type OperationInput } from '@azure/cosmos';
import { UnavailableError } from '../../errors/domain-error.js';
import type { SeedDataset, SeedState } from '../seed-dataset.js';
import type { StoreContainers } from './containers.js';
import { toStoreError } from './cosmos-errors.js';
import type { CosmosOps } from './cosmos-ops.js';
import { SEED_STATE_ID } from './documents.js';
import { seedMarker, seedWrites, type SeedWrite } from './seed-documents.js';

/** The field holding each seeded container's partition key. */
const PARTITION_FIELDS = { customers: 'customerId', lookups: 'id', catalogue: 'kind', incidents: 'area', meta: 'id' } as const;

type SeededContainer = keyof typeof PARTITION_FIELDS;

interface DocKey {
  id: string;
  pk: string | number;
}

const keyOf = (id: string, pk: unknown) => `${JSON.stringify(pk)}\u0000${id}`;

/** Operations one bulk request carries (the service's limit), and such requests in flight. */
const BULK_CHUNK = 100;
const BULK_IN_FLIGHT = 4;
/** Rounds of retrying the operations the service throttled or could not serve. */
const BULK_RETRIES = 5;
const RETRYABLE = new Set([408, 410, 429, 449, 500, 503]);

/** Runs one round of operations in chunks; resolves to the indexes that failed, with their statuses. */
async function bulkRound(ops: CosmosOps, container: Container, operations: readonly OperationInput[], what: string): Promise<Array<[OperationInput, number]>> {
  const failed: Array<[OperationInput, number]> = [];
  const chunks: OperationInput[][] = [];
  for (let i = 0; i < operations.length; i += BULK_CHUNK) chunks.push(operations.slice(i, i + BULK_CHUNK));
  const runChunk = async (chunk: OperationInput[]) => {
    const started = performance.now();
    let responses;
    try {
      // Upserts and deletes only: sending a chunk again after a lost answer writes the same documents.
      responses = await ops.run((abortSignal) => container.items.bulk(chunk, { continueOnError: true }, { abortSignal }));
    } catch (error) {
      throw toStoreError(error, `${what} in ${container.id}`);
    }
    ops.charge(`bulk ${what} (${chunk.length})`, container, responses.reduce((sum, r) => sum + (r?.requestCharge ?? 0), 0), started);
    chunk.forEach((operation, i) => {
      const status = responses[i]?.statusCode ?? 0;
      const ok = (status >= 200 && status < 300) || (operation.operationType === BulkOperationType.Delete && status === 404);
      if (!ok) failed.push([operation, status]);
    });
  };
  for (let i = 0; i < chunks.length; i += BULK_IN_FLIGHT) await Promise.all(chunks.slice(i, i + BULK_IN_FLIGHT).map(runChunk));
  return failed;
}

/** Runs every operation with bulk requests, retrying throttled ones a few times; throws if any still fails. */
async function runBulk(ops: CosmosOps, container: Container, operations: OperationInput[], what: string): Promise<void> {
  let pending: readonly OperationInput[] = operations;
  for (let round = 0; pending.length > 0; round += 1) {
    const failed = await bulkRound(ops, container, pending, what);
    if (failed.length === 0) return;
    const fatal = failed.find(([, status]) => !RETRYABLE.has(status));
    if (fatal || round === BULK_RETRIES) {
      const status = (fatal ?? failed[0])?.[1];
      throw new UnavailableError(`Seeding the Cosmos DB store failed: ${failed.length} of ${operations.length} ${what}s in ${container.id} did not succeed; run it again`, {
        status,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** round));
    pending = failed.map(([operation]) => operation);
  }
}

const upserts = (writes: readonly SeedWrite[]): OperationInput[] =>
  writes.map((write) => ({ operationType: BulkOperationType.Upsert, partitionKey: write.partitionKey, resourceBody: write.doc }));

/** Deletes every document of the container whose id and partition are not among `keep` (the seed marker is left alone). */
async function deleteStale(ops: CosmosOps, container: Container, field: string, keep: ReadonlySet<string>): Promise<void> {
  const existing = await ops.query<DocKey>(container, { query: `SELECT VALUE { "id": c.id, "pk": c["${field}"] } FROM c` });
  const stale = existing.filter((doc) => doc.id !== SEED_STATE_ID && !keep.has(keyOf(doc.id, doc.pk)));
  await runBulk(
    ops,
    container,
    stale.map((doc) => ({ operationType: BulkOperationType.Delete, partitionKey: doc.pk, id: doc.id })),
    'delete',
  );
}

export async function replaceAllDocuments(ops: CosmosOps, containers: StoreContainers, dataset: SeedDataset, state: SeedState): Promise<void> {
  await ops.delete(containers.meta, SEED_STATE_ID, SEED_STATE_ID);
  const writes = seedWrites(dataset);
  const names = Object.keys(PARTITION_FIELDS) as SeededContainer[];
  await Promise.all(names.map((name) => runBulk(ops, containers[name], upserts(writes[name]), 'upsert')));
  await Promise.all(
    names.map((name) => deleteStale(ops, containers[name], PARTITION_FIELDS[name], new Set(writes[name].map((w) => keyOf(w.doc.id, w.partitionKey))))),
  );
  await ops.upsert(containers.meta, seedMarker(state).doc);
}
