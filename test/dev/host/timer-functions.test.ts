// Timer functions under the local host: run on their NCRONTAB schedule with a real InvocationContext
// (carrying the provided extra inputs) and the timer info; never two runs at once; a failure is
// logged, not thrown; `%SETTING%` schedules; and POST /admin/functions/{name} behind the key.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import azureFunctions, { type InvocationContext } from '@azure/functions';
import type { RegisteredFunction } from '../../../dev/host/core-api-shim.js';
import { createLocalHostServer } from '../../../dev/host/local-host.js';
import { startTimerFunctions, type TimerFunctions } from '../../../dev/host/timer-functions.js';

interface Seen {
  timer: { isPastDue: boolean; scheduleStatus: { next: string } };
  context: InvocationContext;
}

function timerFunction(name: string, schedule: string, callback: (timer: unknown, context: InvocationContext) => unknown): RegisteredFunction {
  return {
    metadata: {
      name,
      bindings: {
        timerTrigger1: { type: 'timerTrigger', direction: 'in', schedule },
        durableClient1: { type: 'durableClient', direction: 'in' },
      },
    },
    callback: callback as RegisteredFunction['callback'],
  };
}

const CLIENT_DATA = { marker: 'durable client data' };

describe('local host timer functions', () => {
  const started: TimerFunctions[] = [];
  const start = (...args: Parameters<typeof startTimerFunctions>) => {
    const timers = startTimerFunctions(...args);
    started.push(timers);
    return timers;
  };
  after(() => started.forEach((timers) => timers.stop()));

  it('runs a function on its schedule with an InvocationContext carrying the provided inputs', async () => {
    const seen: Seen[] = [];
    let resolveRan!: () => void;
    const ran = new Promise<void>((resolve) => (resolveRan = resolve));
    start({
      functions: [timerFunction('everySecond', '* * * * * *', (timer, context) => (seen.push({ timer: timer as Seen['timer'], context }), resolveRan()))],
      extraInputValues: new Map([['durableClient', CLIENT_DATA]]),
      log: () => {},
    });
    // The host's timers are unref'd (they never hold a process open): this one waits for them.
    let guard: NodeJS.Timeout | undefined;
    await Promise.race([ran, new Promise((_, reject) => (guard = setTimeout(() => reject(new Error('never ran')), 5000)))]);
    clearTimeout(guard);
    const [first] = seen;
    assert.ok(first?.context instanceof azureFunctions.InvocationContext);
    assert.equal(first.context.functionName, 'everySecond');
    assert.deepEqual(first.context.extraInputs.get(first.context.options.extraInputs[0]!), CLIENT_DATA);
    assert.equal(first.timer.isPastDue, false);
    assert.ok(Date.parse(first.timer.scheduleStatus.next) > Date.now() - 1000);
  });

  it('runs one now on request, refuses a second run while one is running, and logs a failure', async () => {
    let release!: () => void;
    const lines: string[] = [];
    const timers = start({
      functions: [
        timerFunction('slow', '0 0 0 1 1 *', () => new Promise<void>((resolve) => (release = resolve))),
        timerFunction('broken', '0 0 0 1 1 *', () => Promise.reject(new Error('store down'))),
      ],
      log: (level, message) => lines.push(`${level}: ${message}`),
    });
    const first = timers.run('slow');
    assert.equal(await timers.run('slow'), 'busy');
    release();
    assert.equal(await first, 'ran');
    assert.equal(await timers.run('broken'), 'failed');
    assert.deepEqual(lines, ['error: timer function broken failed: store down']);
    assert.equal(await timers.run('nothing-here'), 'unknown');
  });

  it('reads a %SETTING% schedule from the environment, and says which setting is missing', () => {
    const fn = timerFunction('configured', '%PURGE_SCHEDULE%', () => {});
    assert.deepEqual(start({ functions: [fn], env: { PURGE_SCHEDULE: '0 7 * * * *' }, log: () => {} }).names, ['configured']);
    assert.throws(() => start({ functions: [fn], env: {}, log: () => {} }), /names the setting PURGE_SCHEDULE, which is not set/);
  });

  it('serves POST /admin/functions/{name} behind the function key', async () => {
    let runs = 0;
    const timers = start({ functions: [timerFunction('purge', '0 0 0 1 1 *', () => void (runs += 1))], log: () => {} });
    const server = createLocalHostServer({ routes: [], functionKey: 'the-key', runFunction: (name) => timers.run(name) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (name: string, headers: Record<string, string> = { 'x-functions-key': 'the-key' }) => fetch(`${base}/admin/functions/${name}`, { method: 'POST', headers, body: '{}' });
      assert.equal((await post('purge', {})).status, 401);
      assert.equal((await post('purge', { 'x-functions-key': 'wrong' })).status, 401);
      assert.equal((await fetch(`${base}/admin/functions/purge`)).status, 405);
      assert.equal((await post('unknown')).status, 404);
      const ok = await post('purge');
      assert.equal(ok.status, 202);
      assert.deepEqual(await ok.json(), { function: 'purge', outcome: 'ran' });
      assert.equal(runs, 1);
    } finally {
      server.close();
    }
  });
});
