// The problems loadConfig reports for an environment it must refuse; fails the test when it
// accepts the environment or throws anything but ConfigError.
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../shared/config/load-config.js';

export function configProblems(env: Record<string, string | undefined>, now: Date): readonly string[] {
  try {
    loadConfig(env, now);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail('loadConfig accepted an invalid environment');
}
