// Step 9: the diagnosis from every finding, and the support ticket it calls for, opened at most
// once however often this step runs: its idempotency key derives from the job (the instance id),
// scoped to the job's owner like any key they send. Opened only when the owner held the write
// role when starting the job; otherwise the result recommends it.
import type { SupportTicket } from '../../../domain/support/support-ticket.js';
import { scopedIdempotencyKey } from '../../../tools/common/mutations.js';
import type { TroubleshootResult } from '../troubleshoot-job.js';
import { diagnose } from './diagnose.js';
import type { StepContext } from './step-context.js';

export async function summarise(ctx: StepContext): Promise<TroubleshootResult> {
  const { input, findings } = ctx;
  const verdict = diagnose({ customerId: input.customerId, subscriptionId: input.subscriptionId, symptom: input.symptom, findings });
  let ticketId: number | null = null;
  if (verdict.ticket && input.mayOpenTicket) {
    const draft: Omit<SupportTicket, 'ticketId'> = {
      customerId: input.customerId,
      subscriptionId: input.subscriptionId,
      category: verdict.ticket.category,
      priority: verdict.ticket.priority,
      status: 'open',
      subject: verdict.ticket.subject,
      description: `${verdict.diagnosis}\nReported symptom: ${input.symptom}\nFindings: ${findings.map((f) => `${f.title}: ${f.summary}`).join(' | ')}`.slice(0, 4000),
      openedAt: input.asOf,
      closedAt: null,
      idempotencyKey: scopedIdempotencyKey(input.owner, 'trouble_shoot_device', input.customerId, `job:${ctx.instanceId}`),
    };
    ticketId = (await ctx.store.tickets.create(draft)).ticket.ticketId;
  }
  return {
    customer_id: input.customerId,
    subscription_id: input.subscriptionId,
    symptom: input.symptom,
    findings: [...findings],
    diagnosis: verdict.diagnosis,
    recommended_actions: verdict.actions,
    ticket_recommended: verdict.ticket !== null,
    ticket_id: ticketId,
  };
}
