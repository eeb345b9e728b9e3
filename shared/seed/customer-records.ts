// The slice of the dataset that belongs to customers (as opposed to the shared catalogue,
// promotions, incidents and knowledge): what a generated customer or a scenario contributes.
import type { SeedDataset } from '../storage/seed-dataset.js';

export const CUSTOMER_COLLECTIONS = ['customers', 'subscriptions', 'invoices', 'payments', 'usage', 'tickets', 'orders', 'securityEvents'] as const;

export type CustomerRecords = Pick<SeedDataset, (typeof CUSTOMER_COLLECTIONS)[number]>;

/** Appends every collection of `records` to `into`. */
export function appendRecords(into: CustomerRecords, records: Partial<CustomerRecords>): void {
  for (const name of CUSTOMER_COLLECTIONS) {
    const more = records[name];
    // Each collection is pushed into the array of the same name, so the element types agree.
    if (more) (into[name] as unknown[]).push(...more);
  }
}
