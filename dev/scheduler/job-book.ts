// The dev scheduler's memory: scheduled jobs by id, and idempotency keys. The same key with the
// same request returns the first job (replayed); the same key with a different request is refused,
// so a client's retry schedules once and a reused key is caught. Development tooling.
import { randomUUID } from 'node:crypto';
import type { ScheduleConversationInput } from '../../shared/scheduler/schedule-conversation-contract.js';

export interface DevJob {
  readonly schedule_id: string;
  readonly request: ScheduleConversationInput;
  /** The time to call back, normalised to UTC ISO. */
  readonly when: string;
  /** The caller's `x-client-id`, when it sent one. */
  readonly client_id: string | undefined;
}

export type BookOutcome = { kind: 'scheduled'; job: DevJob; replayed: boolean } | { kind: 'key_reused' };

export interface JobBook {
  /** Books `request` under its idempotency key (scoped to the client id). */
  book(request: ScheduleConversationInput, clientId: string | undefined): BookOutcome;
  jobs(): readonly DevJob[];
}

export function createJobBook(newId: () => string = () => `sch-${randomUUID()}`): JobBook {
  const byKey = new Map<string, { job: DevJob; fingerprint: string }>();
  const all: DevJob[] = [];
  return {
    book(request, clientId) {
      const key = JSON.stringify([clientId ?? '', request.idempotency_key]);
      const fingerprint = JSON.stringify([request.conversation_id, request.customer_id, Date.parse(request.when), request.message, request.callback_url]);
      const earlier = byKey.get(key);
      if (earlier !== undefined) return earlier.fingerprint === fingerprint ? { kind: 'scheduled', job: earlier.job, replayed: true } : { kind: 'key_reused' };
      const job: DevJob = { schedule_id: newId(), request, when: new Date(request.when).toISOString(), client_id: clientId };
      byKey.set(key, { job, fingerprint });
      all.push(job);
      return { kind: 'scheduled', job, replayed: false };
    },
    jobs: () => [...all],
  };
}
