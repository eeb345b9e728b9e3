// The durable runner inside the real local host (dist/app/local-host.js, what npm start runs): a
// fixture app (test/dev/durable/fixtures/host-app, loaded with tsx) registers an orchestration and
// an HTTP function with a durable client input; the host starts the runner on DATA_DIR/durable.db,
// says so in one line, and the function's df.getClient(context) drives it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLocalHost, type LocalHostProcess } from '../../support/local-host-process.js';

describe('local host: durable runner', () => {
  let host: LocalHostProcess;
  before(async () => {
    host = await startLocalHost({}, { appRoot: path.resolve('test/dev/durable/fixtures/host-app'), nodeArgs: ['--import', 'tsx'] });
  });
  after(() => host.stop());

  it('starts the runner with the history in DATA_DIR/durable.db and says so in one line', () => {
    const lines = host.output().split('\n').filter((line) => line.startsWith('durable runner:'));
    assert.deepEqual(lines, [`durable runner: 1 orchestrations, 1 activities, history in ${path.join(host.dataDir, 'durable.db')}`]);
    assert.ok(fs.existsSync(path.join(host.dataDir, 'durable.db')));
  });

  it('lets an HTTP function start an orchestration through df.getClient and wait for its output', async () => {
    const res = await fetch(`${host.baseUrl}/api/hello/Lisbon`, { method: 'POST' });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(await res.json(), 'Hello Lisbon');
  });
});
