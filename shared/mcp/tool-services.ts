// The process-wide services a tool handler may use. ToolContext extends this interface, and
// runTool spreads the services into each context, so a new service (conversations, jobs …) is
// one field here and one line in createAppServices.
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { FollowUps } from '../conversations/follow-ups.js';
import type { KnowledgeSearch } from '../knowledge/knowledge-search.js';
import type { TroubleshootJobs } from '../jobs/troubleshoot/troubleshoot-jobs.js';
import type { SchedulerClient } from '../scheduler/scheduler-client.js';
import type { Clock } from '../time/clock.js';
import type { ContosoStore } from '../storage/contoso-store.js';

export interface ToolServices {
  readonly store: ContosoStore;
  /** Follow-up and expert conversations: tools create, append to and read them (owner checks are theirs). */
  readonly conversations: ConversationStore;
  readonly clock: Clock;
  /** New unique ids for records the tools create (payments, security events). */
  readonly newId: () => string;
  /** The troubleshoot job (Durable Functions): start, read, wait for and cancel a caller's jobs. */
  readonly troubleshoot: TroubleshootJobs;
  /** The follow-up scheduler; undefined when SCHEDULER_URL is not set (the follow-up tools then answer UNAVAILABLE). */
  readonly scheduler: SchedulerClient | undefined;
  /** Scheduled follow-up conversations: schedule one through the scheduler, read one back (owner only). */
  readonly followUps: FollowUps;
  /** Knowledge-base search: lexical, or blended with embeddings when an embedding deployment is configured. */
  readonly knowledgeSearch: KnowledgeSearch;
}
