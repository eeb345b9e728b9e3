// The body of every troubleshoot activity: validates what the orchestrator handed over and runs
// the named step against the store.
import * as z from 'zod';
import type { ContosoStore } from '../../storage/contoso-store.js';
import { STEP_RUNNERS } from './step-runners.js';
import { findingSchema, troubleshootInputSchema, type Finding, type TroubleshootResult } from './troubleshoot-job.js';

/** What each activity receives from the orchestrator: the job, its instance id and the findings so far. */
export const stepInputSchema = z.object({ job: troubleshootInputSchema, instanceId: z.string().min(1), findings: z.array(findingSchema) });
export type StepInput = z.input<typeof stepInputSchema>;

/** Runs the step registered as `activity` for the activity input `raw` against `store`. */
export async function runTroubleshootStep(activity: string, raw: unknown, store: ContosoStore): Promise<Finding | TroubleshootResult> {
  const run = STEP_RUNNERS[activity];
  if (run === undefined) throw new Error(`${activity} is not a troubleshoot step`);
  const input = stepInputSchema.parse(raw);
  return run({ input: input.job, instanceId: input.instanceId, findings: input.findings, store });
}
