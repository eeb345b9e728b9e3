// The embedded SQLite store: the shared store contract in memory, plus what only a file-backed
// store does (data survives close and reopen) and its own failure modes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UnavailableError } from '../../../../shared/errors/domain-error.js';
import { canonicalJson } from '../../../../shared/seed/canonical-json.js';
import { createSqliteStore } from '../../../../shared/storage/sqlite/sqlite-store.js';
import { CONTRACT_DATASET, CONTRACT_STATE, runContosoStoreContract } from '../contoso-store-contract.js';

runContosoStoreContract('sqlite (:memory:)', async () => createSqliteStore({ path: ':memory:' }));

describe('createSqliteStore', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-sqlite-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its data in the file across close and reopen, creating missing folders', async () => {
    const file = path.join(dir, 'nested', 'data', 'contoso.db');
    const first = createSqliteStore({ path: file });
    await first.replaceAll(CONTRACT_DATASET, CONTRACT_STATE);
    await first.close();
    assert.ok(fs.existsSync(file));

    const reopened = createSqliteStore({ path: file });
    try {
      assert.deepEqual(await reopened.seedState(), CONTRACT_STATE);
      assert.equal(canonicalJson(await reopened.exportAll()), canonicalJson(CONTRACT_DATASET));
    } finally {
      await reopened.close();
    }
  });

  it('reports itself as the sqlite kind', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    assert.equal(store.kind, 'sqlite');
    await store.close();
  });

  it('fails ping with UnavailableError once closed', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    await store.close();

    await assert.rejects(store.ping(), UnavailableError);
  });

  it('refuses to open a path that cannot be a database with UnavailableError', () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'plain file');

    assert.throws(() => createSqliteStore({ path: path.join(blocker, 'contoso.db') }), UnavailableError);
  });

  it('rolls back a replaceAll that fails part-way, keeping the earlier data', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    try {
      await store.replaceAll(CONTRACT_DATASET, CONTRACT_STATE);
      const before = canonicalJson(await store.exportAll());
      const duplicate = CONTRACT_DATASET.customers[0];
      assert.ok(duplicate);
      const broken = { ...CONTRACT_DATASET, customers: [...CONTRACT_DATASET.customers, duplicate] };

      await assert.rejects(store.replaceAll(broken, { ...CONTRACT_STATE, customerCount: 99 }));

      assert.equal(canonicalJson(await store.exportAll()), before);
      assert.deepEqual(await store.seedState(), CONTRACT_STATE);
    } finally {
      await store.close();
    }
  });
});
