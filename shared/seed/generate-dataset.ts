// Builds the whole seed dataset from the seed settings. Pure: same input, same output.
import type { SeedDataset } from '../storage/seed-dataset.js';
import { PRODUCT_CATALOGUE } from './catalogue.js';
import { generateCustomer } from './generate-customers.js';
import { generatedCustomerId } from './seed-ids.js';

/** Bump when the generator's output changes, so stores seeded by an older one are reseeded. */
export const SEED_GENERATOR_VERSION = 1;

export interface SeedSettings {
  customerCount: number;
  anchorDate: string;
}

export function generateDataset(settings: SeedSettings): SeedDataset {
  const products = PRODUCT_CATALOGUE.map((product) => ({ ...product }));
  const dataset: SeedDataset = { customers: [], products, subscriptions: [] };
  for (let index = 0; index < settings.customerCount; index += 1) {
    const generated = generateCustomer(generatedCustomerId(index), settings.anchorDate, products);
    dataset.customers.push(generated.customer);
    dataset.subscriptions.push(...generated.subscriptions);
  }
  return dataset;
}
