// Builds the whole seed dataset from the seed settings. Pure: same input, same output. The
// nine scenario customers (ids 251–259) are always present; generated customers take the ids
// around them (1–250, then 260 on; see seed-ids.ts).
import type { SeedDataset } from '../storage/seed-dataset.js';
import { PRODUCT_CATALOGUE } from './catalogue.js';
import { appendRecords, type CustomerRecords } from './customer-records.js';
import { generateCustomerRecords } from './generate-customer-records.js';
import { buildKnowledgeBase } from './knowledge/knowledge-base.js';
import { buildPromotions } from './promotions.js';
import { SCENARIOS } from './scenarios/scenario-list.js';
import { generatedCustomerId } from './seed-ids.js';
import { buildIncidents } from './service-incidents.js';
import type { SeedSettings } from './seed-settings.js';
import { sortDataset } from './sort-dataset.js';


export function generateDataset(settings: SeedSettings): SeedDataset {
  const products = PRODUCT_CATALOGUE.map((product) => ({ ...product }));
  const productsById = new Map(products.map((product) => [product.productId, product]));
  const incidents = buildIncidents(settings.anchorDate);
  const records: CustomerRecords = { customers: [], subscriptions: [], invoices: [], payments: [], usage: [], tickets: [], orders: [], securityEvents: [] };
  for (const scenario of SCENARIOS) appendRecords(records, scenario.build(settings.anchorDate));
  for (let index = 0; index < settings.customerCount; index += 1) {
    appendRecords(records, generateCustomerRecords(generatedCustomerId(index), settings.anchorDate, productsById, incidents));
  }
  return sortDataset({
    ...records,
    products,
    promotions: buildPromotions(settings.anchorDate),
    incidents,
    knowledge: buildKnowledgeBase(),
  });
}
