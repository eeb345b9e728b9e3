// The InvocationContext the local host builds: options as the Functions worker derives them from
// the bindings, and the durable client's data on every lane for a function declaring a durable
// client input (so df.getClient works there), while other functions keep the plain invocation.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import azureFunctions from '@azure/functions';
import * as df from 'durable-functions';
import type { BindingInfo } from '../../../dev/host/core-api-shim.js';
import { createLocalHostServer } from '../../../dev/host/local-host.js';
import { createInvocationContext, invocationOptionsOf, LazyInvocationContext, readsProvidedInput } from '../../../dev/host/invocation-context.js';
import { compileRoute } from '../../../dev/host/route-matcher.js';
import { DIRECT_ANSWER_HANDLER, DIRECT_WEB_HANDLER } from '../../../shared/http/direct-web-handler.js';

const { InvocationContext } = azureFunctions;

const BINDINGS: Record<string, BindingInfo> = {
  httpTrigger1: { type: 'httpTrigger', direction: 'in', methods: ['GET'] },
  durableClientInput1: { type: 'durableClient', direction: 'in' },
  $return: { type: 'http', direction: 'out' },
  queueOutput1: { type: 'queue', direction: 'out' },
};

/** Binding data of the shape durable-functions checks; nothing listens there (getClient makes no call). */
const CLIENT_DATA = { taskHubName: 'TestHubName', creationUrls: {}, managementUrls: { id: 'INSTANCEID' }, baseUrl: 'http://127.0.0.1:1/runtime/webhooks/durabletask', requiredQueryStringParameters: '', rpcBaseUrl: 'http://127.0.0.1:1/durabletask/secret/' };
const VALUES = new Map([['durableClient', CLIENT_DATA]]);

/**
 * What a function saw as its invocation: a context (the library's, or on the direct lanes the lazy
 * one that builds it when read) with a working durable client, or not.
 */
function describeInvocation(invocation: unknown): { context: boolean; client: boolean } {
  if (!(invocation instanceof InvocationContext) && !(invocation instanceof LazyInvocationContext)) return { context: false, client: false };
  try {
    df.getClient(invocation as InstanceType<typeof InvocationContext>);
    return { context: true, client: true };
  } catch {
    return { context: true, client: false };
  }
}

describe('invocation options and contexts', () => {
  it('derives options from the bindings as the worker does', () => {
    const options = invocationOptionsOf(BINDINGS);
    assert.equal(options.trigger?.name, 'httpTrigger1');
    assert.deepEqual(options.extraInputs?.map((input) => [input.name, input.type]), [['durableClientInput1', 'durableClient']]);
    assert.deepEqual(options.extraOutputs?.map((output) => output.name), ['queueOutput1']);
    assert.equal(options.return?.name, '$return');
  });

  it('sets the values of provided inputs, and tells which registrations read one', () => {
    const context = createInvocationContext({ invocationId: 'i', functionName: 'f', bindings: BINDINGS, extraInputValues: VALUES, log: () => {} });
    const input = context.options.extraInputs[0];
    assert.ok(input);
    assert.equal(context.extraInputs.get(input), CLIENT_DATA);
    assert.equal(readsProvidedInput(BINDINGS, VALUES), true);
    assert.equal(readsProvidedInput({ httpTrigger1: { type: 'httpTrigger', direction: 'in' } }, VALUES), false);
    assert.equal(readsProvidedInput(BINDINGS, undefined), false);
  });

  it('builds a lazy context on first read, once, with the same options and inputs', () => {
    const lines: string[] = [];
    const lazy = new LazyInvocationContext({ invocationId: 'i', functionName: 'f', bindings: BINDINGS, extraInputValues: VALUES, log: (level, message) => lines.push(`${level} ${message}`), traceContext: { traceParent: 'tp' } });
    assert.deepEqual([lazy.invocationId, lazy.functionName, lazy.traceContext], ['i', 'f', { traceParent: 'tp' }]);
    const input = lazy.options.extraInputs[0];
    assert.ok(input);
    assert.equal(lazy.extraInputs.get(input), CLIENT_DATA);
    assert.equal(lazy.options, lazy.options, 'built once');
    lazy.error('boom');
    assert.deepEqual(lines, ['error boom']);
  });
});

describe('local host lanes with a durable client input', () => {
  const seen = new Map<string, { context: boolean; client: boolean }>();
  /** A callback offering the direct-answer face (or the direct web face), recording its invocation. */
  const withFace = (name: string, face: symbol) =>
    Object.assign(() => ({ status: 500 }), {
      [face]: async (...args: unknown[]) => {
        seen.set(name, describeInvocation(face === DIRECT_ANSWER_HANDLER ? args[2] : args[1]));
        return face === DIRECT_ANSWER_HANDLER ? { status: 200, headers: {}, body: '' } : new Response('');
      },
    });
  const plain = (name: string) => (_request: unknown, context: unknown) => {
    seen.set(name, describeInvocation(context));
    return { status: 200 };
  };
  const route = (name: string, callback: (...args: never[]) => unknown, bindings?: Record<string, BindingInfo>) => ({
    functionName: name,
    route: compileRoute(`api/${name}`),
    methods: new Set(['GET']),
    authLevel: 'anonymous' as const,
    callback: callback as (request: unknown, context: unknown) => unknown,
    ...(bindings === undefined ? {} : { bindings }),
  });
  const server = createLocalHostServer({
    functionKey: 'key',
    extraInputValues: VALUES,
    routes: [
      route('answer', withFace('answer', DIRECT_ANSWER_HANDLER), BINDINGS),
      route('web', withFace('web', DIRECT_WEB_HANDLER), BINDINGS),
      route('functions', plain('functions'), BINDINGS),
      route('answerPlain', withFace('answerPlain', DIRECT_ANSWER_HANDLER), { httpTrigger1: { type: 'httpTrigger', direction: 'in' } }),
    ],
  });
  let base = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('gives the direct answer, direct web and Functions lanes a context whose durable client works', async () => {
    for (const name of ['answer', 'web', 'functions']) {
      assert.equal((await fetch(`${base}/api/${name}`)).status, 200, name);
      assert.deepEqual(seen.get(name), { context: true, client: true }, name);
    }
  });

  it('keeps the plain invocation object for functions without such an input', async () => {
    assert.equal((await fetch(`${base}/api/answerPlain`)).status, 200);
    assert.deepEqual(seen.get('answerPlain'), { context: false, client: false });
  });
});
