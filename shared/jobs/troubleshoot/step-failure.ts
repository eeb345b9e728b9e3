// What a failed troubleshoot step lets its caller see: a domain error's own message (written for
// callers: "Customer 7 was not found"), anything else only as "an internal error" with the detail
// in the app's log. The marked text survives the durable history into the job's failure output,
// where job-view.ts finds it.
import { DomainError } from '../../errors/domain-error.js';
import type { Logger } from '../../telemetry/logger.js';
import { STEP_FAILURE_MARK } from './job-view.js';

export function stepFailure(activity: string, error: unknown, logger: Logger): Error {
  if (error instanceof DomainError) return new Error(`${STEP_FAILURE_MARK} ${error.message}`);
  logger.error('troubleshoot step failed', { activity, error });
  return new Error(`${STEP_FAILURE_MARK} an internal error stopped this step (the service's log has the details)`);
}
