// Tests of the dependency decorators: every method of the store port and its repos runs in a
// client span named after it (arguments unrecorded), domain answers are not failures while
// UNAVAILABLE and unexpected errors are (their class recorded, not their message); job engine
// calls are `durable.*` spans; a traced fetch records method, URL without query, status and the
// failure class of a timeout.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { NotFoundError, UnavailableError } from '../../../../shared/errors/domain-error.js';
import type { JobEngine } from '../../../../shared/jobs/job-engine.js';
import { createStore } from '../../../../shared/storage/create-store.js';
import { silentLogger } from '../../../../shared/telemetry/logger.js';
import { createInMemoryTelemetry } from '../../../support/in-memory-telemetry.js';

const memory = createInMemoryTelemetry();
const tracing = memory.telemetry.tracing!;
const spansNamed = (prefix: string) => memory.spans().filter((span) => span.name.startsWith(prefix));

describe('store spans', () => {
  it('wrap every method of the store and of each repo, keeping its other members', async () => {
    const store = await createStore({ kind: 'sqlite', dataDir: '.', sqlitePath: ':memory:' }, { logger: silentLogger });
    const traced = tracing.store(store);
    try {
      assert.equal(traced.kind, 'sqlite');
      for (const [key, member] of Object.entries(store)) {
        const copy = (traced as unknown as Record<string, unknown>)[key];
        if (typeof member === 'function') assert.notEqual(copy, member, `store.${key} is wrapped`);
        else if (member !== null && typeof member === 'object') {
          for (const [method, fn] of Object.entries(member as Record<string, unknown>)) {
            if (typeof fn === 'function') assert.notEqual((copy as Record<string, unknown>)[method], fn, `${key}.${method} is wrapped`);
          }
        }
      }
      memory.resetSpans();
      assert.equal(await traced.customers.get(4242), null);
      await traced.ping();
      const [get, ping] = memory.spans();
      assert.equal(get?.name, 'customers.get');
      assert.equal(get?.kind, SpanKind.CLIENT);
      assert.deepEqual({ ...get?.attributes }, { 'db.system.name': 'sqlite', 'contoso.dependency': 'sqlite', 'db.operation.name': 'customers.get' });
      assert.equal(ping?.name, 'store.ping');
      await assert.rejects(traced.customers.update(4242, (current) => ({ customer: current, events: [] })), NotFoundError);
      const update = spansNamed('customers.update')[0];
      assert.equal(update?.attributes['contoso.dependency.outcome'], 'NOT_FOUND');
      assert.equal(update?.status.code, SpanStatusCode.UNSET, 'a domain answer is not a dependency failure');
    } finally {
      await traced.close();
    }
  });

  it('mark UNAVAILABLE and unexpected errors as failures, recording the class and never the message', async () => {
    const failing = {
      kind: 'cosmos',
      customers: {
        get: async () => {
          throw new UnavailableError('Cosmos DB is down for customer jane@example.com');
        },
        count: () => {
          throw new TypeError('boom with 0612345678');
        },
      },
    };
    const traced = tracing.store(failing as never) as unknown as typeof failing;
    memory.resetSpans();
    await assert.rejects(traced.customers.get(), UnavailableError);
    assert.throws(() => traced.customers.count(), TypeError);
    const [get, count] = memory.spans();
    assert.deepEqual([get?.attributes['error.type'], get?.status.code, get?.attributes['db.system.name']], ['UNAVAILABLE', SpanStatusCode.ERROR, 'azure.cosmosdb']);
    assert.deepEqual([count?.attributes['error.type'], count?.status.code], ['TypeError', SpanStatusCode.ERROR]);
    assert.ok(!JSON.stringify(memory.spans().map((span) => [span.attributes, span.events, span.status])).match(/example\.com|0612345678/));
  });
});

describe('job engine spans', () => {
  it('name each call durable.<method>, the orchestration a start starts, and fail on UNAVAILABLE', async () => {
    const engine: JobEngine = {
      start: async () => {},
      status: async () => undefined,
      terminate: async () => {
        throw new UnavailableError('The job service could not stop the job');
      },
      list: async () => [],
      purgeFinished: async () => 0,
    };
    const source = tracing.jobEngines({ forInvocation: async () => engine });
    const traced = await source.forInvocation({});
    memory.resetSpans();
    await traced.start('troubleshootDevice', 'ts-1', { symptom: 'not recorded' });
    await traced.status('ts-1');
    await assert.rejects(traced.terminate('ts-1', 'why'), UnavailableError);
    const spans = memory.spans();
    assert.deepEqual(spans.map((span) => span.name), ['durable.start', 'durable.status', 'durable.terminate']);
    assert.deepEqual({ ...spans[0]?.attributes }, { 'contoso.dependency': 'durable', 'contoso.job.orchestration': 'troubleshootDevice' });
    assert.equal(spans[2]?.status.code, SpanStatusCode.ERROR);
  });
});

describe('spans of any other port', () => {
  it('name each call <dependency>.<method> and keep the port\'s behaviour', async () => {
    const secrets = { read: async (name: string) => `value of ${name}`, kind: 'key-vault' };
    const traced = tracing.port('keyvault', secrets);
    memory.resetSpans();
    assert.equal(await traced.read('mcp-request-state-key'), 'value of mcp-request-state-key');
    assert.equal(traced.kind, 'key-vault');
    const [span] = memory.spans();
    assert.deepEqual([span?.name, span?.kind, { ...span?.attributes }], ['keyvault.read', SpanKind.CLIENT, { 'contoso.dependency': 'keyvault' }]);
  });
});

describe('fetch spans', () => {
  it('record method, URL without its query, server, status; a 5xx and a timeout are failures', async () => {
    const answers: Array<() => Promise<Response>> = [
      async () => new Response('{}', { status: 200 }),
      async () => new Response('', { status: 503 }),
      async () => {
        throw new DOMException('The operation timed out.', 'TimeoutError');
      },
    ];
    const traced = tracing.fetch('jwks', async () => answers.shift()!());
    memory.resetSpans();
    await traced('https://login.example.test/common/discovery/v2.0/keys?appid=secret-ish');
    await traced(new URL('https://login.example.test:8443/keys'), { method: 'get' });
    await assert.rejects(traced('http://127.0.0.1:9/keys'));
    const [ok, unavailable, timedOut] = memory.spans();
    assert.deepEqual({ ...ok?.attributes }, {
      'http.request.method': 'GET',
      'url.full': 'https://login.example.test/common/discovery/v2.0/keys',
      'server.address': 'login.example.test',
      'server.port': 443,
      'contoso.dependency': 'jwks',
      'http.response.status_code': 200,
    });
    assert.equal(ok?.kind, SpanKind.CLIENT);
    assert.deepEqual([unavailable?.attributes['server.port'], unavailable?.attributes['error.type'], unavailable?.status.code], [8443, '503', SpanStatusCode.ERROR]);
    assert.deepEqual([timedOut?.attributes['error.type'], timedOut?.status.code], ['timeout', SpanStatusCode.ERROR]);
  });

  it('make the span active while the request runs (a child of the caller\'s span)', async () => {
    let active: string | undefined;
    const traced = tracing.fetch('jwks', async () => {
      active = trace.getActiveSpan()?.spanContext().spanId;
      return new Response('{}');
    });
    memory.resetSpans();
    await traced('https://login.example.test/keys');
    assert.equal(active, memory.spans()[0]?.spanContext().spanId);
  });
});
