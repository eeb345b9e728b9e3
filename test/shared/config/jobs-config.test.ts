// Tests of the jobs settings: the troubleshoot waits (below the tool's 200 s budget and Azure's
// 230 s HTTP cap, the live wait at least the plain one), pacing, retries and retention.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { configProblems as problemsAt } from '../../support/config-problems.js';

const configProblems = (env: Record<string, string>) => problemsAt(env, new Date('2026-06-15T12:00:00Z'));

describe('jobs settings', () => {
  it('default to a 20 s wait, a 120 s live wait, 5 s pacing, three attempts and a day of retention', () => {
    assert.deepEqual(loadConfig({}).jobs, {
      troubleshoot: { waitSeconds: 20, liveWaitSeconds: 120, stepDelaySeconds: 5, retry: { firstIntervalMs: 2000, maxAttempts: 3 } },
      retentionHours: 24,
    });
  });

  it("refuse a live wait at or above the tool's time budget or Azure's HTTP cap", () => {
    assert.match(configProblems({ TROUBLESHOOT_LIVE_WAIT_SECONDS: '200' }).join('\n'), /TROUBLESHOOT_LIVE_WAIT_SECONDS: must be below trouble_shoot_device's time budget of 200 s \(got 200\)/);
    assert.match(configProblems({ TROUBLESHOOT_LIVE_WAIT_SECONDS: '230' }).join('\n'), /TROUBLESHOOT_LIVE_WAIT_SECONDS: must be below/);
    assert.match(configProblems({ TROUBLESHOOT_WAIT_SECONDS: '250', TROUBLESHOOT_LIVE_WAIT_SECONDS: '150' }).join('\n'), /TROUBLESHOOT_WAIT_SECONDS: must be below/);
    assert.equal(loadConfig({ TROUBLESHOOT_LIVE_WAIT_SECONDS: '199' }).jobs.troubleshoot.liveWaitSeconds, 199);
  });

  it('refuse a live wait shorter than the plain wait', () => {
    assert.match(configProblems({ TROUBLESHOOT_WAIT_SECONDS: '60', TROUBLESHOOT_LIVE_WAIT_SECONDS: '30' }).join('\n'), /TROUBLESHOOT_LIVE_WAIT_SECONDS: must be at least TROUBLESHOOT_WAIT_SECONDS \(60\)/);
  });

  it('refuse malformed and out-of-range values with the setting named', () => {
    for (const [name, value] of [
      ['TROUBLESHOOT_STEP_DELAY_SECONDS', '-1'],
      ['TROUBLESHOOT_RETRY_MAX_ATTEMPTS', '0'],
      ['TROUBLESHOOT_RETRY_FIRST_INTERVAL_MS', 'soon'],
      ['JOB_RETENTION_HOURS', '0'],
    ] as const) {
      assert.match(configProblems({ [name]: value }).join('\n'), new RegExp(`^${name}: `), name);
    }
  });
});
