// The packaged host.json follows DURABLE_BACKEND: unchanged for the Azure Storage backend, with
// the Durable Task Scheduler's storage provider (connection by the setting the infra writes)
// otherwise; anything else is refused with a message naming the choices.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { durableBackendFrom, hostJsonFor, SCHEDULER_CONNECTION_SETTING } from '../../../dev/build/durable-backend.js';

const hostJson = fs.readFileSync('host.json', 'utf8');

describe('durable backend of the package', () => {
  it('defaults to Azure Storage and accepts the two backends by name', () => {
    assert.equal(durableBackendFrom({}), 'AzureStorage');
    assert.equal(durableBackendFrom({ DURABLE_BACKEND: ' ' }), 'AzureStorage');
    assert.equal(durableBackendFrom({ DURABLE_BACKEND: 'DurableTaskScheduler' }), 'DurableTaskScheduler');
    assert.throws(() => durableBackendFrom({ DURABLE_BACKEND: 'mssql' }), /DURABLE_BACKEND: expected AzureStorage or DurableTaskScheduler \(got "mssql"\)/);
  });

  it('leaves host.json alone for Azure Storage', () => {
    assert.equal(hostJsonFor(hostJson, 'AzureStorage'), hostJson);
  });

  it('points the Durable extension at the scheduler, keeping the task hub name', () => {
    const original = JSON.parse(hostJson) as { extensions: { durableTask: Record<string, unknown> } };
    const switched = JSON.parse(hostJsonFor(hostJson, 'DurableTaskScheduler')) as typeof original;
    assert.deepEqual(switched.extensions.durableTask.storageProvider, { type: 'azureManaged', connectionStringName: SCHEDULER_CONNECTION_SETTING });
    assert.equal(switched.extensions.durableTask.hubName, original.extensions.durableTask.hubName);
    const { storageProvider: _added, ...rest } = switched.extensions.durableTask;
    assert.deepEqual(rest, original.extensions.durableTask, 'nothing else changes');
  });

  it('refuses a host.json without a durableTask section', () => {
    assert.throws(() => hostJsonFor('{"version":"2.0"}', 'DurableTaskScheduler'), /no extensions\.durableTask/);
  });
});
