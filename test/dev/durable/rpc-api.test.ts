// The runner's RPC endpoint spoken to directly, for what DurableClient never sends or hides:
// the capability path, the extension's refusals (bad ids, unknown orchestrators, bad JSON, a
// running duplicate, a purge without createdTimeFrom), unknown routes and unsupported operations.
import './fixtures/durable-fixtures.js';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DurableClient } from 'durable-functions';
import { registeredFunctions } from '../../../dev/host/core-api-shim.js';
import { startDurableRunner, type DurableRunner } from '../../../dev/durable/durable-runner.js';
import { durableClientFor, waitForStatus } from './fixtures/durable-client.js';

describe('durable runner: RPC endpoint', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-rpc-'));
  let runner: DurableRunner;
  let client: DurableClient;
  before(async () => {
    runner = await startDurableRunner({ functions: registeredFunctions, databasePath: path.join(dir, 'durable.db'), hostOrigin: 'http://127.0.0.1:7071' });
    client = durableClientFor(runner.clientData);
  });
  after(async () => {
    await runner.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = async (method: string, relative: string, body?: string, contentType = 'application/json') => {
    const res = await fetch(new URL(relative, runner.rpcBaseUrl), { method, ...(body === undefined ? {} : { body, headers: { 'content-type': contentType } }) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
  };

  it('listens on 127.0.0.1 under a random base path; anything else is a bare 404', async () => {
    const base = new URL(runner.rpcBaseUrl);
    assert.equal(base.hostname, '127.0.0.1');
    assert.match(base.pathname, /^\/durabletask\/[\w-]{40,}\/$/);
    const guessed = new URL('/durabletask/guess/instances/', base);
    const res = await fetch(guessed);
    assert.equal(res.status, 404);
    assert.equal(await res.text(), '');
    assert.equal((await fetch(new URL('/', base))).status, 404);
    assert.equal((await call('GET', 'instances/')).status, 200);
  });

  it('gives the client binding data durable-functions accepts, pointing at the endpoint', () => {
    const data = runner.clientData as { taskHubName: string; rpcBaseUrl: string; managementUrls: Record<string, string>; creationUrls: Record<string, string> };
    assert.equal(data.taskHubName, 'TestHubName');
    assert.equal(data.rpcBaseUrl, runner.rpcBaseUrl);
    assert.equal(data.managementUrls.id, 'INSTANCEID');
    assert.match(data.managementUrls.statusQueryGetUri ?? '', /^http:\/\/127\.0\.0\.1:7071\/runtime\/webhooks\/durabletask\/instances\/INSTANCEID\?taskHub=TestHubName&connection=Storage$/);
    assert.ok(data.creationUrls.createNewInstancePostUri);
  });

  it('answers a start with 202, the management links and a Location', async () => {
    const res = await call('POST', 'orchestrators/sequence/links-1', JSON.stringify(['L']));
    assert.equal(res.status, 202);
    assert.equal(res.json?.id, 'links-1');
    assert.equal(res.headers.get('location'), res.json?.statusQueryGetUri);
    assert.deepEqual(Object.keys(res.json ?? {}).sort(), ['id', 'purgeHistoryDeleteUri', 'restartPostUri', 'resumePostUri', 'sendEventPostUri', 'statusQueryGetUri', 'suspendPostUri', 'terminatePostUri']);
    await waitForStatus(client, 'links-1', ['Completed']);
  });

  it('refuses unknown orchestrators, invalid instance ids and invalid JSON with the extension\'s 400', async () => {
    const unknown = await call('POST', 'orchestrators/noSuchThing');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json?.Message, 'One or more of the arguments submitted is incorrect');
    assert.match(String(unknown.json?.ExceptionMessage), /^The function 'noSuchThing' doesn't exist, is disabled, or is not an orchestrator function\. .*'sequence'/);
    for (const [id, problem] of [
      ['@entity', /must not start with @/],
      ['bell%07', /must not contain/],
      ['x'.repeat(257), /must not exceed 256/],
    ] as const) {
      const res = await call('POST', `orchestrators/sequence/${id}`);
      assert.equal(res.status, 400, id);
      assert.match(String(res.json?.ExceptionMessage), problem);
    }
    const badJson = await call('POST', 'orchestrators/sequence', '{"unterminated');
    assert.equal(badJson.status, 400);
    assert.equal(badJson.json?.Message, 'Invalid JSON content');
    await assert.rejects(client.startNew('noSuchThing'), /status code: 400/);
  });

  it('refuses to start an id that is still running (500, as the extension), and restarts a finished one', async () => {
    await client.startNew('waiting', { instanceId: 'twice' });
    const again = await call('POST', 'orchestrators/waiting/twice');
    assert.equal(again.status, 500);
    assert.match(String(again.json?.ExceptionMessage), /^An Orchestration instance with the status (Pending|Running) already exists\.$/);
    await client.terminate('twice', 'make room');
    await waitForStatus(client, 'twice', ['Terminated']);
    await client.startNew('sequence', { instanceId: 'twice', input: ['again'] });
    const status = await waitForStatus(client, 'twice', ['Completed']);
    assert.equal(status.name, 'sequence');
    assert.deepEqual(status.output, ['Hello again']);
  });

  it('answers 202 with Retry-After while an instance runs', async () => {
    await client.startNew('waiting', { instanceId: 'still-running' });
    await waitForStatus(client, 'still-running', ['Running']);
    const res = await call('GET', 'instances/still-running');
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('retry-after'), '5');
    assert.equal(res.json?.runtimeStatus, 'Running');
    const hidden = await call('GET', 'instances/still-running?showInput=false');
    assert.equal(hidden.json?.input, null);
  });

  it('refuses a purge by filter without createdTimeFrom, and answers unknown routes and unsupported operations', async () => {
    const purge = await call('DELETE', 'instances/');
    assert.equal(purge.status, 400);
    assert.equal(purge.json, "Please provide value for 'createdTimeFrom' parameter.");
    assert.equal((await call('POST', 'instances/still-running/rewind?reason=x')).status, 501);
    assert.equal((await call('GET', 'entities/counter/one')).status, 501);
    assert.equal((await call('POST', 'instances/still-running/explode')).status, 404);
    assert.equal((await call('GET', 'instances/still-running/terminate')).status, 404);
    assert.equal((await call('PUT', 'orchestrators/sequence')).status, 404);
    assert.equal((await call('GET', 'nothing/here')).status, 404);
    assert.equal((await call('DELETE', 'instances/no-such-instance')).status, 404);
  });

  it('takes raised events as JSON only', async () => {
    const plain = await call('POST', 'instances/still-running/raiseEvent/approval', 'yes', 'text/plain');
    assert.equal(plain.status, 400);
    assert.equal(plain.json?.Message, 'Only application/json request content is supported');
    const broken = await call('POST', 'instances/still-running/raiseEvent/approval', '{', 'application/json');
    assert.equal(broken.status, 400);
    assert.equal((await call('POST', 'instances/no-such-instance/raiseEvent/approval', '1')).status, 404);
  });
});
