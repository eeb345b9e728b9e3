// Scheduled follow-up conversations: schedule one for a customer (creating or continuing a
// conversation the caller owns, then asking the scheduler to call back at `when`), and read a
// conversation back. A conversation belongs to the caller who created it (tenant + caller id);
// anyone else, except the security role, is told it does not exist. With an idempotency key the
// conversation id and the scheduler's key derive from (caller, customer, key), so a retry
// schedules once and lands in the same conversation.
import { createHash, randomUUID } from 'node:crypto';
import { ConflictError, InvalidArgumentError, NotFoundError, UnavailableError } from '../errors/domain-error.js';
import { hasRoles, ROLES } from '../identity/principal.js';
import type { CallerScope } from '../request/request-scope.js';
import type { SchedulerClient } from '../scheduler/scheduler-client.js';
import type { ContosoStore } from '../storage/contoso-store.js';
import type { Clock } from '../time/clock.js';
import { scopedIdempotencyKey } from '../tools/common/mutations.js';
import { isOwnedBy, type Conversation, type ConversationOwner } from './conversation.js';
import type { ConversationStore } from './conversation-store.js';

/** The furthest ahead a follow-up may be scheduled. */
export const MAX_FOLLOW_UP_DAYS = 90;
/** The least lead time: a follow-up "now" is a message, not a schedule. */
export const MIN_FOLLOW_UP_LEAD_SECONDS = 30;

export interface FollowUpRequest {
  customerId: number;
  when: Date;
  message: string;
  conversationId?: string | undefined;
  idempotencyKey?: string | undefined;
}

export interface ScheduledFollowUp {
  conversationId: string;
  scheduleId: string;
  when: string;
  /** True when this was a retry of a schedule already made (same idempotency key). */
  replayed: boolean;
}

export interface FollowUps {
  schedule(scope: CallerScope, request: FollowUpRequest, signal?: AbortSignal): Promise<ScheduledFollowUp>;
  /** The conversation, to its owner and to the security role; NotFoundError for anyone else. */
  read(scope: CallerScope, conversationId: string): Promise<Conversation>;
}

export interface FollowUpsDeps {
  conversations: ConversationStore;
  scheduler: SchedulerClient | undefined;
  store: ContosoStore;
  clock: Clock;
  /** Where the scheduler calls back: `<PUBLIC_BASE_URL>/api/callback`. */
  callbackUrl: string;
}

const ownerOf = (scope: CallerScope): ConversationOwner => ({ tenant_id: scope.caller.tenantId, caller_id: scope.caller.callerId });

/** A conversation id that a retry with the same key finds again: `fu-` + 32 hex digits. */
function conversationIdFor(owner: ConversationOwner, customerId: number, key: string | undefined): string {
  if (key === undefined) return `fu-${randomUUID()}`;
  const digest = createHash('sha256').update(JSON.stringify([owner.tenant_id, owner.caller_id, customerId, key])).digest('hex');
  return `fu-${digest.slice(0, 32)}`;
}

/** An event id from the scheduler's schedule id, within eventIdSchema's alphabet and length. */
function scheduledEventId(scheduleId: string): string {
  return `scheduled-${scheduleId.replace(/[^A-Za-z0-9_.:-]/g, '_')}`.slice(0, 128);
}

export function createFollowUps(deps: FollowUpsDeps): FollowUps {
  async function conversationFor(scope: CallerScope, request: FollowUpRequest): Promise<Conversation> {
    const owner = ownerOf(scope);
    if (request.conversationId !== undefined) {
      const existing = await deps.conversations.get(request.conversationId);
      if (existing === undefined || !isOwnedBy(existing, owner) || existing.kind !== 'follow_up') throw new NotFoundError('Conversation', request.conversationId);
      if (existing.customer_id !== request.customerId) {
        throw new InvalidArgumentError(`Conversation ${request.conversationId} is about customer ${existing.customer_id}, not ${request.customerId}`, { field: 'customer_id' });
      }
      return existing;
    }
    const id = conversationIdFor(owner, request.customerId, request.idempotencyKey);
    const { conversation } = await deps.conversations.create({ id, kind: 'follow_up', owner, customer_id: request.customerId, topic: null });
    // Only a digest collision could hand back someone else's conversation: refuse rather than share it.
    if (!isOwnedBy(conversation, owner)) throw new ConflictError('This idempotency_key cannot be used; choose another');
    return conversation;
  }

  return {
    async schedule(scope, request, signal) {
      const now = deps.clock.now();
      const lead = (request.when.getTime() - now.getTime()) / 1000;
      if (lead < MIN_FOLLOW_UP_LEAD_SECONDS) throw new InvalidArgumentError(`when must be at least ${MIN_FOLLOW_UP_LEAD_SECONDS} seconds in the future`, { field: 'when' });
      if (lead > MAX_FOLLOW_UP_DAYS * 86_400) throw new InvalidArgumentError(`when must be within ${MAX_FOLLOW_UP_DAYS} days`, { field: 'when' });
      if ((await deps.store.customers.get(request.customerId)) === null) throw new NotFoundError('Customer', request.customerId);
      const scheduler = deps.scheduler;
      if (scheduler === undefined) throw new UnavailableError('No follow-up scheduler is configured on this app (SCHEDULER_URL)', { dependency: 'scheduler' });
      const conversation = await conversationFor(scope, request);
      const key = scopedIdempotencyKey(scope.caller, 'schedule_follow_up', conversation.id, request.idempotencyKey ?? randomUUID());
      const scheduled = await scheduler.schedule(
        {
          conversation_id: conversation.id,
          customer_id: request.customerId,
          when: request.when.toISOString(),
          message: request.message,
          callback_url: deps.callbackUrl,
          idempotency_key: key,
        },
        signal ? { signal } : {},
      );
      const appended = await deps.conversations.append(conversation.id, [
        { type: 'follow_up', event_id: scheduledEventId(scheduled.schedule_id), status: 'scheduled', content: request.message, received_at: now.toISOString() },
      ]);
      return { conversationId: conversation.id, scheduleId: scheduled.schedule_id, when: scheduled.when, replayed: appended.duplicates.length > 0 };
    },
    async read(scope, conversationId) {
      const conversation = await deps.conversations.get(conversationId);
      const mayRead = conversation !== undefined && (isOwnedBy(conversation, ownerOf(scope)) || hasRoles(scope.caller, [ROLES.security]));
      if (!mayRead) throw new NotFoundError('Conversation', conversationId);
      return conversation;
    },
  };
}
