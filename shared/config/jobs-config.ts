// The `jobs` section of Config: how long trouble_shoot_device waits for its job, the pacing and
// retries of the job's steps, and how long finished jobs are kept. The waits are checked against
// the tool's time budget and the 230 s cap Azure puts on an HTTP response.
import { HTTP_RESPONSE_CAP_SECONDS, TROUBLESHOOT_TOOL_BUDGET_MS } from '../jobs/troubleshoot/troubleshoot-limits.js';
import type { JobsConfig } from './config.js';
import type { RawSettings } from './settings-schema.js';

/** Builds the jobs section, or returns one line per problem (ConfigError lines). */
export function buildJobsConfig(s: RawSettings): { jobs: JobsConfig } | { problems: string[] } {
  const problems: string[] = [];
  const budgetSeconds = TROUBLESHOOT_TOOL_BUDGET_MS / 1000;
  for (const [name, value] of [
    ['TROUBLESHOOT_WAIT_SECONDS', s.TROUBLESHOOT_WAIT_SECONDS],
    ['TROUBLESHOOT_LIVE_WAIT_SECONDS', s.TROUBLESHOOT_LIVE_WAIT_SECONDS],
  ] as const) {
    if (value >= budgetSeconds) problems.push(`${name}: must be below trouble_shoot_device's time budget of ${budgetSeconds} s (got ${value})`);
    else if (value >= HTTP_RESPONSE_CAP_SECONDS) problems.push(`${name}: must be below the ${HTTP_RESPONSE_CAP_SECONDS} s Azure allows an HTTP response (got ${value})`);
  }
  if (s.TROUBLESHOOT_LIVE_WAIT_SECONDS < s.TROUBLESHOOT_WAIT_SECONDS) {
    problems.push(
      `TROUBLESHOOT_LIVE_WAIT_SECONDS: must be at least TROUBLESHOOT_WAIT_SECONDS (${s.TROUBLESHOOT_WAIT_SECONDS}), since progress keeps a client waiting longer (got ${s.TROUBLESHOOT_LIVE_WAIT_SECONDS})`,
    );
  }
  if (problems.length > 0) return { problems };
  return {
    jobs: {
      troubleshoot: {
        waitSeconds: s.TROUBLESHOOT_WAIT_SECONDS,
        liveWaitSeconds: s.TROUBLESHOOT_LIVE_WAIT_SECONDS,
        stepDelaySeconds: s.TROUBLESHOOT_STEP_DELAY_SECONDS,
        retry: { firstIntervalMs: s.TROUBLESHOOT_RETRY_FIRST_INTERVAL_MS, maxAttempts: s.TROUBLESHOOT_RETRY_MAX_ATTEMPTS },
      },
      retentionHours: s.JOB_RETENTION_HOURS,
    },
  };
}
