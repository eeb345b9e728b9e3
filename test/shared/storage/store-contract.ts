// The contract every ContosoStore adapter must meet, written against the port alone so the
// embedded SQLite store and the Cosmos DB store run the same suite. Read-only sections share one
// seeded store; sections that write get a freshly seeded store per test, so the suite stays
// quick against a store behind a network (an emulator) too.
import { describe } from 'node:test';
import { registerAtomicUpdates } from './contract/atomic-updates.js';
import { registerGeneratedSeedReads } from './contract/generated-seed-reads.js';
import { registerKnowledgeSearch } from './contract/knowledge-search.js';
import { registerKnowledgeVectors } from './contract/knowledge-vectors.js';
import { registerLifecycle } from './contract/lifecycle.js';
import { registerPayments } from './contract/payments.js';
import { registerRecordReads } from './contract/record-reads.js';
import { type StoreFactory, useSeededStore } from './contract/store-fixtures.js';
import { registerTickets } from './contract/tickets.js';

/**
 * Registers the store contract for one adapter. `makeStore` must return a new, empty store on
 * every call; the suite closes every store it makes.
 */
export function runStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`ContosoStore contract: ${name}`, () => {
    describe('reading a seeded store (seeded once)', () => {
      const seeded = useSeededStore(makeStore);
      registerRecordReads(seeded);
      registerKnowledgeSearch(seeded);
    });
    registerGeneratedSeedReads(makeStore);
    registerLifecycle(makeStore);
    registerKnowledgeVectors(makeStore);
    registerAtomicUpdates(makeStore);
    registerPayments(makeStore);
    registerTickets(makeStore);
  });
}
