// The official MCP conformance suite against the real local host: the 2025-era scenarios
// (initialize) and the scenarios the 2026-07-28 revision requires (per-request envelope), each
// judged against its baseline of expected failures. A scenario failing outside the baseline
// fails the test, and so does a baseline entry that now passes (the baseline stays honest).
// The suite sends no tokens, so the host runs with AUTH_MODE=disabled and the suite's fixtures.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  describeFailures,
  judgeAgainstBaseline,
  loadBaseline,
  runConformance,
  type ConformanceRun,
} from '../support/conformance-suite.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';

const RUNS = [
  { name: '2025-era scenarios (--suite active)', args: ['--suite', 'active'], baseline: 'test/conformance/expected-failures.2025-11-25.json' },
  { name: '2026-07-28 requirements (--requirements 2026-07-28)', args: ['--requirements', '2026-07-28'], baseline: 'test/conformance/expected-failures.2026-07-28.json' },
] as const;

describe('MCP conformance suite', () => {
  let host: LocalHostProcess;
  const resultsRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-conformance-'));

  before(async () => {
    host = await startLocalHost({ AUTH_MODE: 'disabled', MCP_CONFORMANCE_FIXTURES: 'true', SEED_CUSTOMER_COUNT: '0' });
  });

  after(async () => {
    await host?.stop();
    fs.rmSync(resultsRoot, { recursive: true, force: true });
  });

  for (const [index, run] of RUNS.entries()) {
    it(`passes the ${run.name} outside its baseline, and every baseline entry still fails`, async () => {
      const baseline = loadBaseline(run.baseline);
      const result: ConformanceRun = await runConformance(host.mcpUrl, run.args, run.baseline, path.join(resultsRoot, String(index)));
      assert.ok(result.results.length > 10, `the suite saved too few results:\n${result.output}`);

      const verdict = judgeAgainstBaseline(result.results, baseline.server);
      assert.deepEqual(verdict.unexpected, [], `unexpected failures (fix them, or add them to ${run.baseline} with a reason):\n${describeFailures(result.results, verdict.unexpected)}`);
      assert.deepEqual(verdict.stale, [], `baseline entries that now pass: remove them from ${run.baseline}`);
      assert.equal(result.exitCode, 0, `the conformance CLI failed:\n${result.output.slice(-4000)}`);
    });
  }

  it('gives every baseline entry a reason, and no reason without an entry', () => {
    for (const run of RUNS) {
      const baseline = loadBaseline(run.baseline);
      assert.deepEqual([...Object.keys(baseline.reasons)].sort(), [...baseline.server].sort(), run.baseline);
    }
  });
});
