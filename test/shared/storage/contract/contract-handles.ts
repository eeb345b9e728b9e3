// What the domain contract's sections share: the store under test and the dataset it was loaded
// with (fresh for every test), and the adapter's factory for tests that need a store of their own.
import type { ContosoStore } from '../../../../shared/storage/contoso-store.js';
import type { SeedDataset } from '../../../../shared/storage/seed-dataset.js';

export interface ContractHandles {
  store(): ContosoStore;
  data(): SeedDataset;
  makeStore(): Promise<ContosoStore>;
}
