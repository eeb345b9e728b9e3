// The development scheduler's entry and settings: the bin starts, prints the SCHEDULER_URL and
// answers MCP there, and stops on SIGTERM; bad settings are named without echoing secrets; the
// signer's headers pass the app's own signature check.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { callbackSignerFor } from '../../../dev/scheduler/callback-signer.js';
import { parseDevSchedulerSettings } from '../../../dev/scheduler/dev-scheduler-settings.js';
import { verifyCallbackSignature } from '../../../shared/callback/callback-signature.js';
import { fixedClock, systemClock } from '../../../shared/time/clock.js';

describe('development scheduler settings', () => {
  it('default to port 7072, no key, delivery at `when`', () => {
    assert.deepEqual(parseDevSchedulerSettings({}), { port: 7072, apiKey: undefined, deliverAfterMs: undefined, callbackSecret: undefined });
  });

  it('read the key, the compressed delay and the callback secret', () => {
    const settings = parseDevSchedulerSettings({ DEV_SCHEDULER_PORT: '0', DEV_SCHEDULER_API_KEY: 'local-scheduler-key', DEV_SCHEDULER_DELIVER_AFTER_MS: '0', SCHEDULER_CALLBACK_SECRET: 'a-callback-secret-of-some-length' });
    assert.deepEqual(settings, { port: 0, apiKey: 'local-scheduler-key', deliverAfterMs: 0, callbackSecret: 'a-callback-secret-of-some-length' });
  });

  it('name each bad setting and never echo a secret', () => {
    assert.throws(
      () => parseDevSchedulerSettings({ DEV_SCHEDULER_PORT: 'x', DEV_SCHEDULER_DELIVER_AFTER_MS: '-5', SCHEDULER_CALLBACK_SECRET: 'short' }),
      (error: Error) =>
        /DEV_SCHEDULER_PORT: /.test(error.message) &&
        /DEV_SCHEDULER_DELIVER_AFTER_MS: /.test(error.message) &&
        /SCHEDULER_CALLBACK_SECRET: /.test(error.message) &&
        !error.message.includes('short'),
    );
  });

  it('sign callbacks the way the app verifies them, and refuse to sign without a secret', () => {
    const secret = 'a-callback-secret-of-some-length';
    const now = new Date('2026-12-01T09:00:00Z');
    const body = '{"conversationId":"fu-1","status":"completed","content":"hi","eventId":"e1"}';
    const headers = callbackSignerFor(secret, fixedClock(now.toISOString()))(body);
    const verification = verifyCallbackSignature(new Headers(headers), new TextEncoder().encode(body), [secret], now);
    assert.deepEqual(verification, { ok: true, timestamp: now.getTime() / 1000, signedWith: 'current' });
    assert.deepEqual(verifyCallbackSignature(new Headers(headers), new TextEncoder().encode(body), ['another-secret-of-some-length'], now), { ok: false, reason: 'bad_signature' });
    assert.throws(() => callbackSignerFor(undefined, systemClock)('{}'), /no SCHEDULER_CALLBACK_SECRET/);
  });
});

describe('run-dev-scheduler', () => {
  it('prints its SCHEDULER_URL, serves MCP there, and exits on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'dev/scheduler/run-dev-scheduler.ts'], {
      env: { ...process.env, DEV_SCHEDULER_PORT: '0', DEV_SCHEDULER_API_KEY: 'local-scheduler-key' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          const match = /SCHEDULER_URL=(\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', () => reject(new Error(`exited early: ${output}`)));
      });
      assert.match(output, /API key required/);
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(res.status, 401, 'the key is demanded');
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
