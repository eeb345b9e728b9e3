// The scheduler port: asks the external scheduler to call the app back at a given time about a
// conversation. The remote adapter (remote-scheduler-client.ts) calls the scheduler's MCP tool;
// the development scheduler (dev/scheduler/) is a real MCP server offering that tool. Field names
// are the wire contract's (snake_case), shared with schedule-conversation-contract.ts.
import type { CheckedDependency } from '../health/dependency-check.js';

/** One follow-up to schedule. */
export interface ScheduleRequest {
  readonly conversation_id: string;
  readonly customer_id: number;
  /** When the scheduler calls back: an ISO 8601 date-time with an offset (`…Z`). */
  readonly when: string;
  /** What the follow-up is about; returned as the callback's `content`. */
  readonly message: string;
  /** Where the scheduler POSTs the signed callback (the app's /api/callback). */
  readonly callback_url: string;
  /** The same key schedules once: a retry returns the first schedule. */
  readonly idempotency_key: string;
}

/** What the scheduler accepted. */
export interface ScheduledConversation {
  readonly schedule_id: string;
  readonly when: string;
}

export interface SchedulerClient extends CheckedDependency {
  /**
   * Schedules `request`. Throws InvalidArgumentError for a request the contract refuses,
   * BusinessRuleError when the scheduler refuses it, and UnavailableError (details `dependency`,
   * `retry_after_seconds` when a retry may help) when the scheduler cannot be reached or answers
   * something unusable. `signal` is the caller's budget: its abort stops the call.
   */
  schedule(request: ScheduleRequest, options?: { signal?: AbortSignal }): Promise<ScheduledConversation>;
}
