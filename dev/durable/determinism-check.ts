// The check the Durable extension makes and durable-functions does not: a replay must ask for the
// same steps, in the same order, as the episodes that recorded them. durable-functions matches
// completions by sequence number only, so a changed orchestrator would silently get old results.
import { describeAction, sameAction, type OrchestratorAction } from './orchestrator-actions.js';

/**
 * Why the replayed actions differ from the recorded ones, or undefined when they agree. Step
 * numbers count the orchestrator's actions from 1.
 */
export function nonDeterminismOf(recorded: readonly OrchestratorAction[], replayed: readonly OrchestratorAction[]): string | undefined {
  for (const [index, step] of recorded.entries()) {
    const now = replayed[index];
    if (now === undefined) return `non-deterministic orchestrator: step ${index + 1} was ${describeAction(step)}, now the orchestrator stops before it`;
    if (!sameAction(step, now)) return `non-deterministic orchestrator: step ${index + 1} was ${describeAction(step)}, now ${describeAction(now)}`;
  }
  return undefined;
}
