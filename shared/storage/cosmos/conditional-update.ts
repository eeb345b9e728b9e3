// The Cosmos DB store's atomic read-decide-write: read one document with its ETag, let the
// caller's pure decide function say what it becomes, and replace it only if it still has that
// ETag. A 412 (someone wrote it in between) re-reads and re-decides, after a short random pause,
// at most MAX_ATTEMPTS times. Within one process, writes to the same document queue up first, so
// the ETag race is only ever lost to another instance, not to a neighbour request.
import type { Container, PartitionKey } from '@azure/cosmos';
import { UnavailableError } from '../../errors/domain-error.js';
import type { KeyedQueue } from '../keyed-queue.js';
import type { CosmosOps } from './cosmos-ops.js';

/** Attempts of one update before it gives up with UNAVAILABLE (contention across instances). */
export const MAX_ATTEMPTS = 25;

/** What one decision does with the document: nothing, or write `next`; either way it answers `result`. */
export type Decision<D, R> = { result: R; next?: D | undefined };

export interface ConditionalUpdate<D extends { id: string }, R> {
  container: Container;
  id: string;
  partitionKey: PartitionKey;
  /** Runs against the stored document; may throw to write nothing. Must be pure (it may run again). */
  decide(stored: D): Decision<D, R>;
  /** Called when the document does not exist; its result (usually a throw) is returned. */
  missing(): R;
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 4 * 2 ** attempt)));

/** Runs the update: resolves to what the last decision returned, whose write (if any) was applied. */
export async function updateConditionally<D extends { id: string }, R>(ops: CosmosOps, queue: KeyedQueue, update: ConditionalUpdate<D, R>): Promise<R> {
  const key = `${update.container.id}\u0000${JSON.stringify(update.partitionKey)}\u0000${update.id}`;
  return queue.run(key, async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const stored = await ops.read<D>(update.container, update.id, update.partitionKey);
      if (stored === null) return update.missing();
      const decision = update.decide(stored.doc);
      if (decision.next === undefined) return decision.result;
      if (decision.next.id !== update.id) throw new TypeError('A conditional update must keep the document id');
      const outcome = await ops.replaceIfMatch(update.container, decision.next, update.partitionKey, stored.etag);
      if (outcome === 'replaced') return decision.result;
      if (outcome === 'missing') return update.missing();
      await pause(attempt);
    }
    throw new UnavailableError('Too many concurrent changes to the same record; try again', { attempts: MAX_ATTEMPTS });
  });
}
