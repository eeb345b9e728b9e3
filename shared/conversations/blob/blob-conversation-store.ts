// The conversation store on Azure Blob Storage: one blob `<id>.json` per conversation. Create is
// a conditional upload (If-None-Match: *), so it never overwrites; append reads the blob with its
// ETag, merges the entries whose event ids are new and uploads with If-Match, retrying a lost race
// (412) after a short random pause, a bounded number of times. Appends to one conversation from
// this process queue up first, so the race is only ever lost to another instance.
import type { ContainerClient } from '@azure/storage-blob';
import type { BlobConversationsConfig } from '../../config/config.js';
import { ConflictError, DomainError, NotFoundError } from '../../errors/domain-error.js';
import type { DependencyCheck } from '../../health/dependency-check.js';
import { createDependencyPolicy } from '../../resilience/dependency-policy.js';
import type { PolicyObserver } from '../../resilience/policy-observer.js';
import { KeyedQueue } from '../../storage/keyed-queue.js';
import type { Logger } from '../../telemetry/logger.js';
import type { Clock } from '../../time/clock.js';
import { checkedConversationId, checkedEntries, checkedNewConversation } from '../conversation-input.js';
import type { AppendOutcome, ConversationStore, CreateOutcome, NewConversation } from '../conversation-store.js';
import { conversationIdSchema, type Conversation, type ConversationEntry } from '../conversation.js';
import { mergeEntries } from '../merge-entries.js';
import { CorruptConversationError, newConversationDocument, parseStoredConversation, serializeConversation } from '../stored-conversation.js';
import { openConversationContainer } from './blob-container.js';
import { ConversationBlobs } from './blob-documents.js';
import { toConversationStoreError } from './blob-errors.js';

/** Tries of one append before it gives up with CONFLICT (contention across instances). */
export const MAX_APPEND_ATTEMPTS = 10;

/** A random pause before the next try: up to 10 ms, doubling per attempt, at most 250 ms. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 10 * 2 ** attempt)));

export interface BlobConversationStoreOptions {
  clock: Clock;
  logger: Logger;
  /** Told of the store's resilience policy (breaker metrics and logs). */
  observePolicy?: PolicyObserver;
}

/** The dependency's name in errors, readiness and telemetry. */
export const CONVERSATIONS_DEPENDENCY = 'conversations';

/** Opens the store on the configured container (created on first use outside Azure). No request is made yet. */
export async function openBlobConversationStore(config: BlobConversationsConfig, options: BlobConversationStoreOptions): Promise<BlobConversationStore> {
  return new BlobConversationStore(await openConversationContainer(config), config, options);
}

export class BlobConversationStore implements ConversationStore {
  readonly kind = 'blob';
  readonly #blobs: ConversationBlobs;
  readonly #config: BlobConversationsConfig;
  readonly #options: BlobConversationStoreOptions;
  readonly #queue = new KeyedQueue();
  #containerReady: Promise<void> | undefined;

  constructor(container: ContainerClient, config: BlobConversationsConfig, options: BlobConversationStoreOptions) {
    const policy = createDependencyPolicy({ name: CONVERSATIONS_DEPENDENCY, ...config.policy, clock: options.clock });
    options.observePolicy?.(policy);
    this.#blobs = new ConversationBlobs(container, policy);
    this.#config = config;
    this.#options = options;
  }

  async create(init: NewConversation): Promise<CreateOutcome> {
    const checked = checkedNewConversation(init);
    await this.#ensureContainer();
    const conversation = newConversationDocument(checked, this.#options.clock.now());
    const outcome = await this.#blobs.write(checked.id, serializeConversation(conversation), conversation.updated_at, { ifNoneMatch: '*' });
    if (outcome === 'written') return { conversation, created: true };
    const existing = await this.#read(checked.id);
    if (existing === undefined) throw new ConflictError('The conversation was deleted while it was being created; try again', { conversation_id: checked.id });
    return { conversation: existing.conversation, created: false };
  }

  async get(id: string): Promise<Conversation | undefined> {
    const checkedId = checkedConversationId(id);
    await this.#ensureContainer();
    return (await this.#read(checkedId))?.conversation;
  }

  async append(id: string, entries: readonly ConversationEntry[]): Promise<AppendOutcome> {
    const checkedId = checkedConversationId(id);
    const checked = checkedEntries(entries);
    await this.#ensureContainer();
    return this.#queue.run(checkedId, async () => {
      for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt += 1) {
        const stored = await this.#read(checkedId);
        if (stored === undefined) throw new NotFoundError('Conversation', checkedId);
        const merged = mergeEntries(stored.conversation, checked, this.#options.clock.now());
        if (merged.next === undefined) return { conversation: stored.conversation, appended: [], duplicates: merged.duplicates };
        const outcome = await this.#blobs.write(checkedId, serializeConversation(merged.next), merged.next.updated_at, { ifMatch: stored.etag });
        if (outcome === 'written') return { conversation: merged.next, appended: merged.appended, duplicates: merged.duplicates };
        await pause(attempt);
      }
      this.#options.logger.warn('conversation append gave up after concurrent changes', { conversation_id: checkedId, attempts: MAX_APPEND_ATTEMPTS });
      throw new ConflictError('Too many concurrent changes to this conversation; try again', { conversation_id: checkedId, attempts: MAX_APPEND_ATTEMPTS });
    });
  }

  /**
   * Deletes conversations whose stored updated_at is before `cutoff` (a blob changed meanwhile is
   * kept). In Azure the container's lifecycle rule does this; prune() serves local runs and tests.
   */
  async prune(cutoff: Date): Promise<number> {
    await this.#ensureContainer();
    let deleted = 0;
    for await (const listed of this.#blobs.list()) {
      if (!conversationIdSchema.safeParse(listed.id).success || listed.updatedAt >= cutoff) continue;
      if (await this.#blobs.deleteIfUnchanged(listed.id, listed.etag)) deleted += 1;
    }
    return deleted;
  }

  async check(): Promise<DependencyCheck> {
    const container = `Blob container "${this.#config.containerName}"`;
    const base = { name: CONVERSATIONS_DEPENDENCY, breaker: this.#blobs.policy.state } as const;
    try {
      await this.#ensureContainer();
      const exists = await this.#blobs.containerExists();
      if (exists) return { ...base, status: 'ok', detail: `${container} is reachable` };
      return { ...base, status: 'down', detail: `${container} does not exist` };
    } catch (error) {
      const mapped = toConversationStoreError(error, 'check');
      return { ...base, breaker: this.#blobs.policy.state, status: 'down', detail: mapped instanceof DomainError ? mapped.message : `${container} could not be checked` };
    }
  }

  async close(): Promise<void> {}

  async #read(id: string): Promise<{ conversation: Conversation; etag: string } | undefined> {
    const stored = await this.#blobs.read(id);
    if (stored === undefined) return undefined;
    if (stored === 'too_large') throw new CorruptConversationError(id, 'the blob is larger than any conversation can be');
    return { conversation: parseStoredConversation(id, stored.text), etag: stored.etag };
  }

  /** Outside Azure: creates the container once, on first use (a failure is retried by the next call). */
  async #ensureContainer(): Promise<void> {
    if (!this.#config.createContainer) return;
    this.#containerReady ??= this.#blobs.createContainerIfMissing().catch((error: unknown) => {
      this.#containerReady = undefined;
      throw error;
    });
    return this.#containerReady;
  }
}
