// Picks the conversation store adapter named by the configuration. The one place that knows both
// adapters; each is imported only when it is the one configured, so an embedded run never loads
// the Blob adapter or the Azure SDKs (and the bundle keeps them in chunks of their own).
import type { ConversationsConfig } from '../config/config.js';
import type { PolicyObserver } from '../resilience/policy-observer.js';
import type { Logger } from '../telemetry/logger.js';
import { systemClock, type Clock } from '../time/clock.js';
import type { ConversationStore } from './conversation-store.js';

export interface CreateConversationStoreOptions {
  logger: Logger;
  /** Stamps created_at / updated_at and drives the embedded store's pruning (default: the system clock). */
  clock?: Clock;
  /** Told of the Blob adapter's resilience policy (breaker metrics and logs). */
  observePolicy?: PolicyObserver;
}

export async function createConversationStore(config: ConversationsConfig, options: CreateConversationStoreOptions): Promise<ConversationStore> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger.child({ component: 'conversations' });
  switch (config.kind) {
    case 'embedded': {
      const { openEmbeddedConversationStore } = await import('./embedded/embedded-conversation-store.js');
      return openEmbeddedConversationStore(config.sqlitePath, { retentionDays: config.retentionDays, clock, logger });
    }
    case 'blob': {
      const { openBlobConversationStore } = await import('./blob/blob-conversation-store.js');
      return openBlobConversationStore(config, { clock, logger, ...(options.observePolicy ? { observePolicy: options.observePolicy } : {}) });
    }
  }
}
