// The process-wide services a tool handler may use. ToolContext extends this interface, and
// runTool spreads the services into each context, so a new service (conversations, jobs …) is
// one field here and one line in createAppServices.
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { KnowledgeSearch } from '../knowledge/knowledge-search.js';
import type { TroubleshootJobs } from '../jobs/troubleshoot/troubleshoot-jobs.js';
import type { Clock } from '../time/clock.js';
import type { ContosoStore } from '../storage/contoso-store.js';

export interface ToolServices {
  readonly store: ContosoStore;
  readonly clock: Clock;
  /** New unique ids for records the tools create (payments, security events). */
  readonly newId: () => string;
  /** The troubleshoot job (Durable Functions): start, read, wait for and cancel a caller's jobs. */
  readonly troubleshoot: TroubleshootJobs;
  /** Conversations (follow-ups, expert chats), each owned by one caller. */
  readonly conversations: ConversationStore;
  /** Knowledge-base search: lexical, or blended with embeddings when an embedding deployment is configured. */
  readonly knowledgeSearch: KnowledgeSearch;
}
