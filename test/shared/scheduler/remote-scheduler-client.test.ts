// The remote scheduler adapter against the development scheduler over real HTTP: scheduling,
// idempotency, the API key (from a secrets provider) and a managed-identity token on the wire,
// refusals and malformed answers as typed errors, and the readiness check.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDevScheduler, type DevScheduler } from '../../../dev/scheduler/dev-scheduler.js';
import type { SchedulerConfig } from '../../../shared/config/config.js';
import { BusinessRuleError, InvalidArgumentError, UnavailableError } from '../../../shared/errors/domain-error.js';
import { createRemoteSchedulerClient } from '../../../shared/scheduler/remote-scheduler-client.js';
import type { ScheduleRequest } from '../../../shared/scheduler/scheduler-client.js';
import { schedulerCredentials, type SchedulerCredentials } from '../../../shared/scheduler/scheduler-credentials.js';
import type { SecretName, SecretsProvider } from '../../../shared/secrets/secrets-provider.js';
import { startFaultServer, type FaultServer } from '../../support/fault-server.js';

const POLICY: SchedulerConfig['policy'] = { timeoutMs: 5_000, retry: { maxAttempts: 2, initialDelayMs: 2, maxDelayMs: 10 }, breaker: { failureThreshold: 5, halfOpenAfterMs: 50 } };
const API_KEY = 'dev-scheduler-test-key-0123456789';

function request(overrides: Partial<ScheduleRequest> = {}): ScheduleRequest {
  return {
    conversation_id: 'conv-remote-001',
    customer_id: 251,
    when: new Date(Date.now() + 3_600_000).toISOString(),
    message: 'Check whether the roaming bill was corrected',
    callback_url: 'http://127.0.0.1:9/api/callback',
    idempotency_key: `key-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

function secretsOf(values: Partial<Record<SecretName, string>>): SecretsProvider & { reads: SecretName[] } {
  const reads: SecretName[] = [];
  return {
    kind: 'environment',
    reads,
    async get(name) {
      reads.push(name);
      return values[name];
    },
    async check() {
      return { name: 'secrets', status: 'ok' };
    },
  };
}

function clientFor(url: string, credentials: SchedulerCredentials = schedulerCredentials({ kind: 'none' }), fetchImpl?: typeof fetch) {
  return createRemoteSchedulerClient({ config: { url, auth: { kind: credentials.kind } as SchedulerConfig['auth'], policy: POLICY }, credentials, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('remote scheduler client against the development scheduler', () => {
  let open: DevScheduler;
  let keyed: DevScheduler;
  before(async () => {
    const sign = () => ({});
    open = await startDevScheduler({ port: 0, sign, deliverAfterMs: 3_600_000 });
    keyed = await startDevScheduler({ port: 0, sign, apiKey: API_KEY, deliverAfterMs: 3_600_000 });
  });
  after(async () => {
    await open?.close();
    await keyed?.close();
  });

  it('schedules a follow-up and returns its schedule id and time', async () => {
    const wanted = request();
    const scheduled = await clientFor(open.url).schedule(wanted);
    assert.match(scheduled.schedule_id, /^sch-/);
    assert.equal(scheduled.when, new Date(wanted.when).toISOString());
    const job = open.jobs().find((j) => j.schedule_id === scheduled.schedule_id);
    assert.deepEqual(job?.request, wanted, 'the scheduler received the request as sent');
  });

  it('schedules once per idempotency key, and refuses the key reused for another request', async () => {
    const client = clientFor(open.url);
    const wanted = request();
    const first = await client.schedule(wanted);
    const again = await client.schedule(wanted);
    assert.equal(again.schedule_id, first.schedule_id);
    assert.equal(open.jobs().filter((j) => j.request.idempotency_key === wanted.idempotency_key).length, 1);
    const error = await rejection(client.schedule({ ...wanted, message: 'something else' }));
    assert.ok(error instanceof BusinessRuleError);
    assert.match(error.message, /^The scheduler refused the follow-up: Refused: idempotency_key was already used/);
  });

  it('passes on a refusal by the scheduler as BUSINESS_RULE (a time in the past)', async () => {
    const error = await rejection(clientFor(open.url).schedule(request({ when: '2020-01-01T00:00:00Z' })));
    assert.ok(error instanceof BusinessRuleError);
    assert.match(error.message, /when \(2020-01-01T00:00:00Z\) is in the past/);
  });

  it('refuses a request the contract forbids before sending anything', async () => {
    let sent = 0;
    const counting: typeof fetch = (input, init) => {
      sent += 1;
      return fetch(input, init);
    };
    const error = await rejection(clientFor(open.url, undefined, counting).schedule(request({ conversation_id: '../etc', when: 'tomorrow', customer_id: -1 })));
    assert.ok(error instanceof InvalidArgumentError);
    assert.deepEqual(error.details.fields, ['conversation_id', 'customer_id', 'when']);
    assert.equal(sent, 0);
  });

  it('sends the API key and client id from the secrets provider', async () => {
    const secrets = secretsOf({ 'SCHEDULER-API-KEY': API_KEY, 'SCHEDULER-CLIENT-ID': 'contoso-mcp' });
    const scheduled = await clientFor(keyed.url, schedulerCredentials({ kind: 'api-key' }, { secrets })).schedule(request());
    assert.equal(keyed.jobs().find((j) => j.schedule_id === scheduled.schedule_id)?.client_id, 'contoso-mcp');
    assert.ok(secrets.reads.includes('SCHEDULER-API-KEY'), 'the key is read per call, so a rotation is picked up');
  });

  it('is refused without the right API key: UNAVAILABLE about credentials, not retried, no breaker', async () => {
    for (const secrets of [secretsOf({ 'SCHEDULER-API-KEY': 'wrong-key' }), secretsOf({})]) {
      let sent = 0;
      const counting: typeof fetch = (input, init) => {
        sent += 1;
        return fetch(input, init);
      };
      const client = clientFor(keyed.url, schedulerCredentials({ kind: 'api-key' }, { secrets }), counting);
      const error = await rejection(client.schedule(request()));
      assert.ok(error instanceof UnavailableError);
      assert.equal(error.details.dependency, 'scheduler');
      assert.ok(sent <= 1, `no retry of a refusal (${sent} requests)`);
      assert.equal(client.policy.state, 'closed');
      assert.ok(!JSON.stringify({ message: error.message, details: error.details }).includes('wrong-key'), 'the key is not echoed');
    }
    const wrong = await rejection(clientFor(keyed.url, schedulerCredentials({ kind: 'api-key' }, { secrets: secretsOf({ 'SCHEDULER-API-KEY': 'wrong-key' }) })).schedule(request()));
    assert.match((wrong as Error).message, /refused the app's credentials \(http_401\)/);
    const missing = await rejection(clientFor(keyed.url, schedulerCredentials({ kind: 'api-key' }, { secrets: secretsOf({}) })).schedule(request()));
    assert.match((missing as Error).message, /API key is not set \(secret SCHEDULER-API-KEY/);
  });

  it('sends a managed-identity token for the configured scope', async () => {
    const scopes: string[] = [];
    const credentials = schedulerCredentials(
      { kind: 'managed-identity', scope: 'api://contoso-scheduler/.default', managedIdentityClientId: undefined },
      { tokenSource: { getToken: async (scope) => (scopes.push(scope), { token: 'token-for-scheduler' }) } },
    );
    const authorizations: (string | null)[] = [];
    const recording: typeof fetch = (input, init) => {
      authorizations.push(new Headers(init?.headers).get('authorization'));
      return fetch(input, init);
    };
    await clientFor(open.url, credentials, recording).schedule(request());
    assert.deepEqual([...new Set(scopes)], ['api://contoso-scheduler/.default']);
    assert.ok(authorizations.length > 0 && authorizations.every((value) => value === 'Bearer token-for-scheduler'));
  });

  it('says so when no managed-identity token can be had, without retrying', async () => {
    let asked = 0;
    const unavailable = Object.assign(new Error('ManagedIdentityCredential: no endpoint'), { name: 'CredentialUnavailableError' });
    const credentials = schedulerCredentials(
      { kind: 'managed-identity', scope: 'api://contoso-scheduler/.default', managedIdentityClientId: undefined },
      { tokenSource: { getToken: async () => ((asked += 1), Promise.reject(unavailable)) } },
    );
    const error = await rejection(clientFor(open.url, credentials).schedule(request()));
    assert.ok(error instanceof UnavailableError);
    assert.match(error.message, /could not get a token for the scheduler/);
    assert.equal(asked, 1);
  });

  it('reports itself ready when the scheduler offers schedule_conversation', async () => {
    assert.deepEqual(await clientFor(open.url).check(), { name: 'scheduler', status: 'ok', breaker: 'closed' });
  });
});

describe('remote scheduler client: a garbled answer', () => {
  let scheduler: DevScheduler;
  let proxy: FaultServer;
  before(async () => {
    scheduler = await startDevScheduler({ port: 0, sign: () => ({}), deliverAfterMs: 3_600_000 });
    proxy = await startFaultServer({ upstream: new URL(scheduler.url).origin });
  });
  after(async () => {
    await proxy?.stop();
    await scheduler?.close();
  });

  it('turns an answer that is not JSON-RPC into UNAVAILABLE, without a crash', async () => {
    const client = clientFor(proxy.url('/mcp'));
    proxy.resetCount();
    proxy.plan({ kind: 'status', status: 200, headers: { 'content-type': 'application/json' }, body: '{"not":"json-rpc"' });
    const error = await rejection(client.schedule(request()));
    assert.ok(error instanceof UnavailableError, String(error));
    assert.deepEqual(error.details, { dependency: 'scheduler', error_class: 'malformed_answer' });
    assert.equal(proxy.requests, 1, 'not retried: the same server would answer the same');
  });
});
