// Tests of how conformance results are judged against a baseline: the conformance CLI's rules
// (FAILURE and WARNING fail, whole-scenario and per-check entries, stale entries), applied to
// every scenario that ran, and the reading of the CLI's results folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { judgeAgainstBaseline, readResults, type ConformanceCheck, type ScenarioResult } from '../support/conformance-suite.js';

const check = (id: string, status: ConformanceCheck['status']): ConformanceCheck => ({ id, status });
const scenario = (name: string, ...checks: ConformanceCheck[]): ScenarioResult => ({ scenario: name, checks });

const RESULTS = [
  scenario('ping', check('ping', 'SUCCESS')),
  scenario('tools-call-sampling', check('tools-call-sampling', 'FAILURE')),
  scenario('sse-streams', check('sse-session', 'WARNING'), check('sse-open', 'SUCCESS')),
  scenario('repeats', check('probe', 'SUCCESS'), check('probe', 'FAILURE'), check('note', 'INFO')),
];

describe('judging conformance results against a baseline', () => {
  it('accepts failures the baseline names, whole or by check', () => {
    const verdict = judgeAgainstBaseline(RESULTS, ['tools-call-sampling', 'sse-streams:sse-session', 'repeats:probe']);

    assert.deepEqual(verdict, { unexpected: [], stale: [], expected: ['tools-call-sampling', 'sse-streams:sse-session', 'repeats:probe'] });
  });

  it('reports failures and warnings outside the baseline by check', () => {
    const verdict = judgeAgainstBaseline(RESULTS, ['tools-call-sampling']);

    assert.deepEqual(verdict.unexpected, ['sse-streams:sse-session', 'repeats:probe']);
  });

  it('reports entries that pass now, or whose scenario did not run, as stale', () => {
    const verdict = judgeAgainstBaseline(RESULTS, ['ping', 'sse-streams:sse-open', 'tools-call-sampling', 'repeats:probe', 'sse-streams:sse-session', 'gone']);

    assert.deepEqual(verdict.stale, ['ping', 'sse-streams:sse-open', 'gone (did not run)']);
    assert.deepEqual(verdict.unexpected, []);
  });

  it('reads one scenario per results folder, named without its timestamp', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-results-'));
    try {
      for (const [folder, checks] of [
        ['server-tools-list-2026-11-23T18-12-44-440Z', [check('tools-list', 'SUCCESS')]],
        ['server-sep-2164-resource-not-found-2026-11-23T18-12-45-001Z', [check('sep-2164-data-uri', 'WARNING')]],
      ] as const) {
        fs.mkdirSync(path.join(dir, folder));
        fs.writeFileSync(path.join(dir, folder, 'checks.json'), JSON.stringify(checks));
      }

      assert.deepEqual(readResults(dir), [
        scenario('sep-2164-resource-not-found', check('sep-2164-data-uri', 'WARNING')),
        scenario('tools-list', check('tools-list', 'SUCCESS')),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
