// Finds the customer partition of an id a tool receives without its customer (invoice,
// subscription, order, ticket): one point read of a small lookup document, remembered in
// process (an id never moves to another customer, except by a reseed). A remembered partition
// that no longer holds the document is forgotten and looked up again.
import type { Container } from '@azure/cosmos';
import type { CosmosOps, Stored } from './cosmos-ops.js';
import { docIds, type LookupDoc, type LookupKind } from './documents.js';

/** Lookups remembered per process before the memory is cleared (about 100 bytes each). */
const MAX_REMEMBERED = 50_000;

export interface Lookups {
  /** The customer whose partition holds `kind` `id`, or null when there is none. */
  customerOf(kind: LookupKind, id: number): Promise<number | null>;
  /** Reads the document `docId` of `kind` `id` from its customer's partition, or null. */
  readDoc<T>(customers: Container, kind: LookupKind, id: number, docId: string): Promise<(Stored<T> & { customerId: number }) | null>;
  /** Forgets every remembered partition (after a reseed). */
  clear(): void;
}

export function createLookups(ops: CosmosOps, lookups: Container): Lookups {
  const remembered = new Map<string, number>();

  const lookUp = async (kind: LookupKind, id: number): Promise<number | null> => {
    const found = await ops.read<LookupDoc>(lookups, docIds.lookup(kind, id), docIds.lookup(kind, id));
    if (found === null) return null;
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(docIds.lookup(kind, id), found.doc.customerId);
    return found.doc.customerId;
  };

  return {
    async customerOf(kind, id) {
      return remembered.get(docIds.lookup(kind, id)) ?? lookUp(kind, id);
    },
    async readDoc<T>(customers: Container, kind: LookupKind, id: number, docId: string) {
      const known = remembered.get(docIds.lookup(kind, id));
      const customerId = known ?? (await lookUp(kind, id));
      if (customerId === null) return null;
      const stored = await ops.read<T>(customers, docId, customerId);
      if (stored !== null) return { ...stored, customerId };
      if (known === undefined) return null;
      // Remembered from before a reseed elsewhere: ask again once.
      remembered.delete(docIds.lookup(kind, id));
      const current = await lookUp(kind, id);
      if (current === null || current === customerId) return null;
      const moved = await ops.read<T>(customers, docId, current);
      return moved === null ? null : { ...moved, customerId: current };
    },
    clear() {
      remembered.clear();
    },
  };
}
