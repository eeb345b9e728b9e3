// The embedded conversation store: SQLite under DATA_DIR (or in memory), the default for
// `npm start` and tests. Each append is one immediate transaction (read, merge, write), so
// concurrent appends never lose one another; it deletes conversations older than the retention
// when it opens and at most hourly while in use, since nothing else cleans an instance's disk.
import { NotFoundError, UnavailableError } from '../../errors/domain-error.js';
import type { DependencyCheck } from '../../health/dependency-check.js';
import type { Logger } from '../../telemetry/logger.js';
import type { Clock } from '../../time/clock.js';
import { checkedConversationId, checkedEntries, checkedNewConversation } from '../conversation-input.js';
import type { AppendOutcome, ConversationStore, CreateOutcome, NewConversation } from '../conversation-store.js';
import type { Conversation, ConversationEntry } from '../conversation.js';
import { mergeEntries } from '../merge-entries.js';
import { newConversationDocument, parseStoredConversation, serializeConversation } from '../stored-conversation.js';
import { openConversationDatabase, type ConversationDatabase } from './conversation-database.js';

const DAY_MS = 86_400_000;

/** Least time between two automatic prunes while the store is in use. */
export const SELF_PRUNE_INTERVAL_MS = 3_600_000;

export interface EmbeddedConversationStoreOptions {
  /** Conversations not updated for this many days are deleted. */
  retentionDays: number;
  clock: Clock;
  logger: Logger;
}

/** Opens the store on the SQLite file at `path` (or `:memory:`), pruning it once. */
export function openEmbeddedConversationStore(path: string, options: EmbeddedConversationStoreOptions): EmbeddedConversationStore {
  const db = openConversationDatabase(path);
  try {
    return new EmbeddedConversationStore(db, options);
  } catch (error) {
    db.close();
    throw error;
  }
}

interface Row {
  document: string;
}

function prepareStatements(db: ConversationDatabase) {
  return {
    read: db.prepare<[string], Row>('SELECT document FROM conversations WHERE id = ?'),
    insert: db.prepare<[string, number, string]>('INSERT INTO conversations (id, updated_ms, document) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING'),
    update: db.prepare<[number, string, string]>('UPDATE conversations SET updated_ms = ?, document = ? WHERE id = ?'),
    prune: db.prepare<[number]>('DELETE FROM conversations WHERE updated_ms < ?'),
    ping: db.prepare('SELECT count(*) FROM conversations'),
  };
}

export class EmbeddedConversationStore implements ConversationStore {
  readonly kind = 'embedded';
  readonly #db: ConversationDatabase;
  readonly #options: EmbeddedConversationStoreOptions;
  #lastPrunedMs: number | undefined;
  readonly #statements: ReturnType<typeof prepareStatements>;

  /** A store on an open database, which it then owns (closes). Prunes once now. */
  constructor(db: ConversationDatabase, options: EmbeddedConversationStoreOptions) {
    this.#db = db;
    this.#options = options;
    this.#statements = prepareStatements(db);
    this.#pruneWhenDue();
  }

  async create(init: NewConversation): Promise<CreateOutcome> {
    const checked = checkedNewConversation(init);
    this.#pruneWhenDue();
    const conversation = newConversationDocument(checked, this.#options.clock.now());
    const created = this.#run(() => this.#statements.insert.run(checked.id, Date.parse(conversation.updated_at), serializeConversation(conversation)).changes === 1);
    if (created) return { conversation, created: true };
    const existing = this.#read(checked.id);
    if (existing === undefined) throw new UnavailableError('The conversation was deleted while it was being created; try again', { dependency: 'conversations' });
    return { conversation: existing, created: false };
  }

  async get(id: string): Promise<Conversation | undefined> {
    return this.#read(checkedConversationId(id));
  }

  async append(id: string, entries: readonly ConversationEntry[]): Promise<AppendOutcome> {
    const checkedId = checkedConversationId(id);
    const checked = checkedEntries(entries);
    this.#pruneWhenDue();
    const now = this.#options.clock.now();
    const appendInTransaction = this.#db.transaction((): AppendOutcome => {
      const stored = this.#read(checkedId);
      if (stored === undefined) throw new NotFoundError('Conversation', checkedId);
      const merged = mergeEntries(stored, checked, now);
      if (merged.next === undefined) return { conversation: stored, appended: [], duplicates: merged.duplicates };
      this.#statements.update.run(now.getTime(), serializeConversation(merged.next), checkedId);
      return { conversation: merged.next, appended: merged.appended, duplicates: merged.duplicates };
    });
    return this.#run(() => appendInTransaction.immediate());
  }

  async prune(cutoff: Date): Promise<number> {
    return this.#run(() => this.#statements.prune.run(cutoff.getTime()).changes);
  }

  async check(): Promise<DependencyCheck> {
    try {
      this.#statements.ping.get();
      return { name: 'conversations', status: 'ok', detail: 'embedded SQLite store (this instance only)' };
    } catch {
      return { name: 'conversations', status: 'down', detail: 'the embedded SQLite store cannot be read' };
    }
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  #read(id: string): Conversation | undefined {
    const row = this.#run(() => this.#statements.read.get(id));
    return row === undefined ? undefined : parseStoredConversation(id, row.document);
  }

  /** Deletes expired conversations when the last prune is an interval ago (or never ran). */
  #pruneWhenDue(): void {
    const now = this.#options.clock.now().getTime();
    if (this.#lastPrunedMs !== undefined && now - this.#lastPrunedMs < SELF_PRUNE_INTERVAL_MS) return;
    this.#lastPrunedMs = now;
    const deleted = this.#run(() => this.#statements.prune.run(now - this.#options.retentionDays * DAY_MS).changes);
    if (deleted > 0) this.#options.logger.info('conversations pruned', { deleted, retention_days: this.#options.retentionDays });
  }

  /** Runs a statement; a write lock held too long by another process becomes UnavailableError. */
  #run<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
        throw new UnavailableError('The embedded conversation store is busy (locked by another process); try again shortly', { dependency: 'conversations' }, { cause: error });
      }
      throw error;
    }
  }
}
