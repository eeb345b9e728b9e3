// The troubleshoot job's contract: the names it is registered under, its input (everything the
// deterministic orchestrator needs, fixed when the job starts) and its typed result. Shared by
// the orchestrator, the activities, the tools and the MCP tasks that report on it.
import * as z from 'zod';

/** The orchestration's registered name. */
export const TROUBLESHOOT_ORCHESTRATION = 'troubleshootDevice';

export const troubleshootInputSchema = z.object({
  customerId: z.number().int(),
  subscriptionId: z.number().int(),
  symptom: z.string(),
  /** Who started the job: only they may read or cancel it. */
  owner: z.object({ tenantId: z.string(), callerId: z.string() }),
  /** The starter held the write role: the job may open a support ticket. */
  mayOpenTicket: z.boolean(),
  /** The business date and time the job reasons at (fixed at start, so replays agree). */
  asOf: z.string(),
  /** Durable timer between steps; 0 runs the steps back to back. */
  stepDelaySeconds: z.number().int().min(0),
  retry: z.object({ firstIntervalMs: z.number().int().positive(), maxAttempts: z.number().int().min(1) }),
});
export type TroubleshootInput = z.output<typeof troubleshootInputSchema>;

export const FINDING_OUTCOMES = ['ok', 'problem', 'info'] as const;

export const findingSchema = z.object({
  step: z.string(),
  title: z.string(),
  outcome: z.enum(FINDING_OUTCOMES),
  summary: z.string(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type Finding = z.output<typeof findingSchema>;

export const recommendedActionSchema = z.object({
  action: z.string().describe('What to do, in words'),
  tool: z.string().nullable().describe('The Contoso tool that does it, if one does'),
  arguments: z.record(z.string(), z.unknown()).nullable(),
});
export type RecommendedAction = z.output<typeof recommendedActionSchema>;

export const troubleshootResultSchema = z.object({
  customer_id: z.number().int(),
  subscription_id: z.number().int(),
  symptom: z.string(),
  findings: z.array(findingSchema),
  diagnosis: z.string(),
  recommended_actions: z.array(recommendedActionSchema),
  ticket_recommended: z.boolean(),
  ticket_id: z.number().int().nullable().describe('The support ticket the job opened, when it opened one'),
});
export type TroubleshootResult = z.output<typeof troubleshootResultSchema>;

/** The custom status the orchestration shows while it runs. */
export const troubleshootProgressSchema = z.object({ step: z.number().int(), total: z.number().int(), message: z.string() });
export type TroubleshootProgress = z.output<typeof troubleshootProgressSchema>;
