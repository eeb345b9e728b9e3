// The contract every ContosoStore adapter must meet, written against the port alone so the
// embedded SQLite store and the Cosmos DB store run the same suite: reads and their ordering,
// the replaceAll/exportAll round trip, atomic change/decide writes, idempotency and search.
import { afterEach, beforeEach, describe } from 'node:test';
import type { ContosoStore } from '../../../shared/storage/contoso-store.js';
import type { SeedDataset } from '../../../shared/storage/seed-dataset.js';
import { registerReadSections } from './contract/read-sections.js';
import { registerWriteSections } from './contract/write-sections.js';
import { SMALL_SEED_STATE, smallDataset } from './fixtures/small-dataset.js';

/** Registers the contract suite for one adapter; `makeStore` returns a new, empty store each call. */
export function runDomainStoreContract(name: string, makeStore: () => Promise<ContosoStore>): void {
  describe(`${name}: ContosoStore domain contract`, () => {
    let store: ContosoStore;
    let data: SeedDataset;

    beforeEach(async () => {
      store = await makeStore();
      data = smallDataset();
      await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
    });
    afterEach(async () => {
      await store.close();
    });

    const handles = { store: () => store, data: () => data, makeStore };
    registerWriteSections(handles);
    registerReadSections(handles);
  });
}
