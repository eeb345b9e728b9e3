// Crash safety of the local durable runner: the runner runs in a child process (Node 22, as this
// test runs), is killed with SIGKILL mid-orchestration and started again on the same database.
// The instance completes; every completed activity ran once and only the one in flight at the
// kill may have run twice (at-least-once, as in Azure); an armed timer is re-armed.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { durableClientFor, waitForStatus } from './fixtures/durable-client.js';

const RUNNER_SCRIPT = path.resolve('test/dev/durable/fixtures/runner-process.ts');

interface RunnerProcess {
  child: ChildProcess;
  clientData: Record<string, unknown>;
  output: () => string;
}

/** Starts the runner process on `databasePath` and waits for its client data. */
async function startRunnerProcess(databasePath: string): Promise<RunnerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER_SCRIPT, databasePath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the runner process exited (${code}) before starting:\n${errors}`)));
  });
  const { clientData } = JSON.parse(first) as { clientData: Record<string, unknown> };
  return { child, clientData, output: () => errors };
}

async function kill(runner: RunnerProcess): Promise<void> {
  if (runner.child.exitCode !== null || runner.child.signalCode !== null) return;
  const exited = new Promise((resolve) => runner.child.once('exit', resolve));
  runner.child.kill('SIGKILL');
  await exited;
}

describe('durable runner: restart after SIGKILL', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-restart-'));
  const running: RunnerProcess[] = [];
  after(async () => {
    for (const runner of running) await kill(runner);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('completes an instance killed while an activity was in flight, running each completed step once', async () => {
    const databasePath = path.join(dir, 'steps.db');
    const marker = path.join(dir, 'steps.log');
    const first = await startRunnerProcess(databasePath);
    running.push(first);
    const id = await durableClientFor(first.clientData).startNew('markedSteps', { instanceId: 'killed-mid-step', input: { file: marker, steps: 4 } });
    // Kill as soon as the second step has started (it takes a while before it returns).
    while (!(fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').includes('step 2'))) await sleep(5);
    await kill(first);

    const second = await startRunnerProcess(databasePath);
    running.push(second);
    const status = await waitForStatus(durableClientFor(second.clientData), id, ['Completed', 'Failed', 'Terminated']);
    assert.equal(status.runtimeStatus, 'Completed', second.output());
    assert.deepEqual(status.output, [1, 2, 3, 4]);
    const runs = new Map<string, number>();
    for (const line of fs.readFileSync(marker, 'utf8').trim().split('\n')) runs.set(line, (runs.get(line) ?? 0) + 1);
    assert.deepEqual([...runs.keys()].sort(), ['step 1', 'step 2', 'step 3', 'step 4']);
    const repeated = [...runs.entries()].filter(([, count]) => count > 1);
    assert.ok(repeated.length <= 1 && repeated.every(([, count]) => count === 2), `only the step in flight may run twice: ${JSON.stringify([...runs])}`);
    assert.equal(runs.get('step 1'), 1, 'step 1 had completed before the kill');
  });

  it('re-arms a timer armed when the process was killed', async () => {
    const databasePath = path.join(dir, 'timer.db');
    const first = await startRunnerProcess(databasePath);
    running.push(first);
    const id = await durableClientFor(first.clientData).startNew('sleepy', { instanceId: 'killed-while-sleeping' });
    await waitForStatus(durableClientFor(first.clientData), id, ['Running', 'Completed']);
    await kill(first);

    const second = await startRunnerProcess(databasePath);
    running.push(second);
    const status = await waitForStatus(durableClientFor(second.clientData), id, ['Completed', 'Failed', 'Terminated']);
    assert.equal(status.runtimeStatus, 'Completed', second.output());
    assert.equal(status.output, 'Hello awake');
  });
});
