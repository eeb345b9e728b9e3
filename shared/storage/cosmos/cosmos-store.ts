// The ContosoStore on Azure Cosmos DB (NoSQL API), selected by STORE_KIND=cosmos: one client per
// process, the containers of containers.ts, and a repo per concern. Partitioned for the tools'
// access paths (everything about a customer in its partition), every mutation a single-document
// conditional replace. Every SDK call runs under the one `cosmos` resilience policy
// (cosmos-policy.ts). The data model and request costs are in docs/cosmos.md. This file only
// composes.
import type { CosmosConfig } from '../../config/config.js';
import { UnavailableError } from '../../errors/domain-error.js';
import type { PolicyObserver } from '../../resilience/policy-observer.js';
import type { Logger } from '../../telemetry/logger.js';
import type { Clock } from '../../time/clock.js';
import type { ContosoStore } from '../contoso-store.js';
import { createCosmosAuditLog } from './audit-log.js';
import { createCosmosBillingRepo } from './billing-repo.js';
import { createCosmosIncidentRepo, createCosmosProductRepo, createCosmosPromotionRepo } from './catalogue-repos.js';
import { KeyedQueue } from '../keyed-queue.js';
import { createCosmosClient } from './cosmos-client.js';
import { createCosmosOps } from './cosmos-ops.js';
import { createCosmosPolicy } from './cosmos-policy.js';
import { openContainers } from './containers.js';
import { createCosmosCustomerRepo } from './customer-repo.js';
import { type MetaDoc, SEED_STATE_ID } from './documents.js';
import { exportAllDocuments } from './export-all.js';
import { createCosmosKnowledgeRepo, type CosmosKnowledgeRepo } from './knowledge-repo.js';
import { createLookups } from './lookups.js';
import { createCosmosOrderRepo } from './order-repo.js';
import { replaceAllDocuments } from './replace-all.js';
import { createCosmosSecurityLogRepo } from './security-log-repo.js';
import { createCosmosSubscriptionRepo } from './subscription-repo.js';
import { createCosmosTicketRepo } from './ticket-repo.js';
import { createCosmosUsageRepo } from './usage-repo.js';

export interface CosmosStoreOptions {
  logger: Logger;
  /** Reads Retry-After dates and the breaker's remaining pause (default: system time). */
  clock?: Clock;
  /** Told of the store's resilience policy (breaker metrics and logs). */
  observePolicy?: PolicyObserver;
}

export interface CosmosStore extends ContosoStore {
  readonly kind: 'cosmos';
  readonly knowledge: CosmosKnowledgeRepo;
}

export async function createCosmosStore(config: CosmosConfig, options: CosmosStoreOptions): Promise<CosmosStore> {
  const logger = options.logger.child({ store: 'cosmos' });
  const client = await createCosmosClient(config);
  const policy = createCosmosPolicy(config.policy, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.observePolicy ? { observePolicy: options.observePolicy } : {}),
  });
  let closed = false;
  try {
    const containers = await openContainers(client, config, (fn) => policy.execute(fn));
    const ops = createCosmosOps(logger, policy);
    const queue = new KeyedQueue();
    const lookups = createLookups(ops, containers.lookups);
    const knowledge = createCosmosKnowledgeRepo(ops, containers, config.knowledgeSearch, logger);
    return {
      kind: 'cosmos',
      customers: createCosmosCustomerRepo(ops, containers.customers, queue),
      products: createCosmosProductRepo(ops, containers.catalogue),
      subscriptions: createCosmosSubscriptionRepo(ops, containers.customers, lookups, queue),
      billing: createCosmosBillingRepo(ops, containers.customers, lookups, queue),
      usage: createCosmosUsageRepo(ops, containers.customers, lookups),
      tickets: createCosmosTicketRepo(ops, containers),
      promotions: createCosmosPromotionRepo(ops, containers.catalogue),
      orders: createCosmosOrderRepo(ops, containers.customers),
      incidents: createCosmosIncidentRepo(ops, containers.incidents),
      securityLogs: createCosmosSecurityLogRepo(ops, containers.customers),
      knowledge,
      audit: createCosmosAuditLog(ops, containers.audit),
      async seedState() {
        const marker = await ops.read<MetaDoc>(containers.meta, SEED_STATE_ID, SEED_STATE_ID);
        return marker?.doc.kind === 'seedState' ? marker.doc.state : null;
      },
      async replaceAll(dataset, state) {
        try {
          await replaceAllDocuments(ops, containers, dataset, state);
        } finally {
          lookups.clear();
          knowledge.invalidate();
        }
      },
      async exportAll() {
        return exportAllDocuments(ops, containers);
      },
      async ping() {
        if (closed) throw new UnavailableError('The Cosmos DB store is closed');
        // One attempt, no retry: readiness answers quickly, and at once while the breaker is open.
        await ops.probe(containers.meta, SEED_STATE_ID, SEED_STATE_ID);
      },
      async check() {
        return policy.check();
      },
      async close() {
        if (closed) return;
        closed = true;
        client.dispose();
      },
    };
  } catch (error) {
    client.dispose();
    throw error;
  }
}
