// Retention: finished jobs (completed, failed, cancelled) and their history are deleted once they
// are older than JOB_RETENTION_HOURS. Run by the timer function in functions/job-retention.ts.
import type { Clock } from '../time/clock.js';
import type { Logger } from '../telemetry/logger.js';
import type { JobEngine } from './job-engine.js';

export async function purgeFinishedJobs(engine: JobEngine, options: { clock: Clock; retentionHours: number; logger: Logger }): Promise<number> {
  const cutoff = new Date(options.clock.now().getTime() - options.retentionHours * 3_600_000);
  const purged = await engine.purgeFinished(cutoff);
  options.logger.info('finished jobs purged', { purged, createdBefore: cutoff.toISOString() });
  return purged;
}
