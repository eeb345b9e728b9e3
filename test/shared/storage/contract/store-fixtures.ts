// How the contract's sections get a store: one seeded store shared by every test of a read-only
// section (seeded once, so a slow networked store is not reloaded per test), a freshly seeded
// store per test for sections that write, and a store of its own for lifecycle tests.
import { after, afterEach, before, beforeEach } from 'node:test';
import type { ContosoStore } from '../../../../shared/storage/contoso-store.js';
import type { SeedDataset, SeedState } from '../../../../shared/storage/seed-dataset.js';
import { SMALL_SEED_STATE, smallDataset } from '../fixtures/small-dataset.js';

/** Returns a new, empty store on every call. */
export type StoreFactory = () => Promise<ContosoStore>;

/** The store a test runs against and the dataset it was seeded with (usable inside tests). */
export interface SeededStore {
  readonly store: ContosoStore;
  readonly data: SeedDataset;
}

/** A SeededStore whose store is opened and closed by the hooks `register` installs. */
function seededBy(
  register: (open: () => Promise<void>, close: () => Promise<void>) => void,
  makeStore: StoreFactory,
  dataset: () => SeedDataset,
  state: SeedState,
): SeededStore {
  let store: ContosoStore | undefined;
  register(
    async () => {
      store = await makeStore();
      await store.replaceAll(dataset(), state);
    },
    async () => {
      await store?.close();
      store = undefined;
    },
  );
  return {
    get store() {
      if (!store) throw new Error('The store is seeded in a before hook');
      return store;
    },
    get data() {
      return dataset();
    },
  };
}

/** One store seeded once for every test of the calling describe block; the tests must only read. */
export function useSeededStore(makeStore: StoreFactory, dataset: () => SeedDataset = smallDataset, state: SeedState = SMALL_SEED_STATE): SeededStore {
  return seededBy((open, close) => {
    before(open);
    after(close);
  }, makeStore, dataset, state);
}

/** A store freshly seeded with the small dataset for each test of the calling describe block. */
export function useFreshStore(makeStore: StoreFactory): SeededStore {
  return seededBy((open, close) => {
    beforeEach(open);
    afterEach(close);
  }, makeStore, smallDataset, SMALL_SEED_STATE);
}

/** Runs `use` on a new, empty store of its own and closes it afterwards. */
export async function withStore(makeStore: StoreFactory, use: (store: ContosoStore) => Promise<void>): Promise<void> {
  const store = await makeStore();
  try {
    await use(store);
  } finally {
    await store.close();
  }
}
