// A scheduler for in-process tests: it records what it was asked, answers the same schedule for
// the same idempotency key (and refuses the key reused for another request, as the contract
// says), and can be told to fail. It never calls back; the e2e tests use the real development
// scheduler for that.
import { BusinessRuleError, UnavailableError } from '../../shared/errors/domain-error.js';
import type { DependencyCheck } from '../../shared/health/dependency-check.js';
import type { ScheduledConversation, ScheduleRequest, SchedulerClient } from '../../shared/scheduler/scheduler-client.js';

export interface InMemoryScheduler extends SchedulerClient {
  /** Every request accepted, first schedules only (replays are not repeated here). */
  readonly requests: ScheduleRequest[];
  /** Makes the next calls fail as an unreachable scheduler would (until set back to false). */
  failing: boolean;
}

export function createInMemoryScheduler(): InMemoryScheduler {
  const byKey = new Map<string, { request: ScheduleRequest; answer: ScheduledConversation }>();
  const scheduler: InMemoryScheduler = {
    name: 'scheduler',
    requests: [],
    failing: false,
    async schedule(request) {
      if (scheduler.failing) throw new UnavailableError('The scheduler is not reachable', { dependency: 'scheduler', retry_after_seconds: 1 });
      const known = byKey.get(request.idempotency_key);
      if (known !== undefined) {
        if (JSON.stringify(known.request) !== JSON.stringify(request)) throw new BusinessRuleError('The scheduler refused it: idempotency key reused for another request');
        return known.answer;
      }
      const answer = { schedule_id: `sch-${byKey.size + 1}`, when: new Date(request.when).toISOString() };
      byKey.set(request.idempotency_key, { request, answer });
      scheduler.requests.push(request);
      return answer;
    },
    async check(): Promise<DependencyCheck> {
      return scheduler.failing ? { name: 'scheduler', status: 'down', detail: 'unreachable' } : { name: 'scheduler', status: 'ok' };
    },
  };
  return scheduler;
}
