// The embedded SQLite store: the one store contract in memory and on disk, plus what only this
// adapter promises: its kind, opening and migrating files, persistence across reopen, an
// all-or-nothing replaceAll, max+1 ticket ids, CONFLICT on duplicate keys, guards on decide
// results, money rounded to cents and its handling of odd limits; and its catalogue, kept in
// memory and handed out frozen.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { ConflictError, NotFoundError, UnavailableError } from '../../../../shared/errors/domain-error.js';
import type { ContosoStore } from '../../../../shared/storage/contoso-store.js';
import { MIGRATIONS } from '../../../../shared/storage/sqlite/schema.js';
import { createSqliteStore } from '../../../../shared/storage/sqlite/sqlite-store.js';
import type { Product } from '../../../../shared/domain/products/product.js';
import { productsById } from '../../../../shared/tools/common/lookups.js';
import { SMALL_SEED_STATE, smallDataset } from '../fixtures/small-dataset.js';
import { runStoreContract } from '../store-contract.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-sqlite-'));
let fileCount = 0;
const newFilePath = () => path.join(tempDir, `store-${(fileCount += 1)}.sqlite`);

after(() => fs.rmSync(tempDir, { recursive: true, force: true }));

runStoreContract('sqlite (:memory:)', async () => createSqliteStore({ path: ':memory:' }));
runStoreContract('sqlite (file)', async () => createSqliteStore({ path: newFilePath() }));

function payment(paymentId: string, invoiceId: number, customerId: number, amount: number) {
  return {
    paymentId,
    invoiceId,
    customerId,
    amount,
    method: 'paypal' as const,
    status: 'succeeded' as const,
    paidAt: '2026-03-15T12:00:00.000Z',
    failureReason: null,
    idempotencyKey: null,
    outstandingAfter: 0,
  };
}

const TICKET_DRAFT = {
  customerId: 1,
  subscriptionId: 1,
  category: 'other',
  priority: 'low',
  status: 'open',
  subject: 's',
  description: 'd',
  openedAt: '2026-03-15T00:00:00.000Z',
  closedAt: null,
  idempotencyKey: null,
} as const;

describe('sqlite store: opening, files and lifecycle', () => {
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
    const blocker = path.join(tempDir, 'not-a-folder');
    fs.writeFileSync(blocker, 'plain file');
    assert.throws(() => createSqliteStore({ path: path.join(blocker, 'contoso.db') }), UnavailableError);
  });

  it('migrates a version-1 file and keeps its rows', async () => {
    const file = newFilePath();
    const old = new Database(file);
    old.exec(MIGRATIONS[0] ?? '');
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO customers VALUES (7, 'Old', 'Timer', 'o@example.com', '1', 'a', 'Seattle', 'Gold', 'active', '2010-01-01')`).run();
    old.close();
    const migrated = createSqliteStore({ path: file });
    try {
      assert.equal((await migrated.customers.get(7))?.lastName, 'Timer');
      assert.deepEqual(await migrated.tickets.listByCustomer(7), []);
      assert.deepEqual(await migrated.knowledge.search('anything', 5), []);
    } finally {
      await migrated.close();
    }
    const check = new Database(file, { readonly: true });
    assert.equal(check.pragma('user_version', { simple: true }), MIGRATIONS.length);
    check.close();
  });

  it('keeps data and writes in its file across close and reopen, creating missing folders', async () => {
    const file = path.join(tempDir, 'nested', 'data', 'contoso.db');
    const first = createSqliteStore({ path: file });
    await first.replaceAll(smallDataset(), SMALL_SEED_STATE);
    await first.billing.addPayment(3, (invoice) => ({ kind: 'new', payment: payment('pay-r1', invoice.invoiceId, invoice.customerId, 10) }));
    const exported = await first.exportAll();
    await first.close();
    assert.ok(fs.existsSync(file));

    const reopened = createSqliteStore({ path: file });
    try {
      assert.deepEqual(await reopened.seedState(), SMALL_SEED_STATE);
      assert.deepEqual(await reopened.exportAll(), exported);
      assert.equal((await reopened.knowledge.search('roaming', 1))[0]?.document.slug, 'eu-roaming');
    } finally {
      await reopened.close();
    }
  });
});

describe('sqlite store: writes', () => {
  let store: ContosoStore;
  beforeEach(async () => {
    store = createSqliteStore({ path: ':memory:' });
    await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
  });
  afterEach(async () => {
    await store.close();
  });

  it('hands out one frozen catalogue until its own bulk load replaces it, and tools index it once per catalogue', async () => {
    const first = await store.products.list();
    assert.equal(await store.products.list(), first, 'the same list each time');
    assert.ok(Object.isFrozen(first) && first.every((product) => Object.isFrozen(product)));
    assert.throws(() => (first as Product[]).push(first[0]!), TypeError);
    const byId = await productsById(store);
    assert.equal(await productsById(store), byId, 'indexed once for this catalogue');
    assert.equal(byId.get(first[0]!.productId), first[0]);
    await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
    const reloaded = await store.products.list();
    assert.notEqual(reloaded, first, 'a bulk load replaces the catalogue');
    assert.deepEqual(reloaded, first);
    assert.notEqual(await productsById(store), byId);
  });

  it('rolls back a replaceAll that fails part-way or at commit, keeping the earlier data and seed state', async () => {
    const before = await store.exportAll();
    const duplicateId = smallDataset();
    const first = duplicateId.customers[0];
    assert.ok(first);
    duplicateId.customers.push({ ...first });
    const danglingParent = smallDataset();
    const ticket = danglingParent.tickets[0];
    assert.ok(ticket);
    ticket.customerId = 999;

    await assert.rejects(store.replaceAll(duplicateId, { ...SMALL_SEED_STATE, customerCount: 98 }), /UNIQUE|PRIMARY KEY/);
    await assert.rejects(store.replaceAll(danglingParent, { ...SMALL_SEED_STATE, customerCount: 99 }), /FOREIGN KEY/);
    assert.deepEqual(await store.exportAll(), before);
    assert.deepEqual(await store.seedState(), SMALL_SEED_STATE);
  });

  it('allocates ticket ids as the highest id plus one', async () => {
    assert.equal((await store.tickets.create(TICKET_DRAFT)).ticket.ticketId, 5);
    assert.equal((await store.tickets.create(TICKET_DRAFT)).ticket.ticketId, 6);
  });

  it('refuses a ticket for a missing customer or a subscription of someone else', async () => {
    await assert.rejects(store.tickets.create({ ...TICKET_DRAFT, customerId: 999 }), NotFoundError);
    await assert.rejects(store.tickets.create({ ...TICKET_DRAFT, subscriptionId: 3 }), NotFoundError);
  });

  it('reports a new payment that repeats a payment id or idempotency key as CONFLICT and writes nothing', async () => {
    const before = await store.exportAll();
    await assert.rejects(
      store.billing.addPayment(1, () => ({ kind: 'new', payment: { ...payment('pay-x', 1, 1, 1), idempotencyKey: 'key-a' } })),
      ConflictError,
    );
    await assert.rejects(store.billing.addPayment(3, () => ({ kind: 'new', payment: payment('pay-0001', 3, 1, 1) })), ConflictError);
    assert.deepEqual(await store.exportAll(), before);
  });

  it('refuses a decision that moves a record to another id, writing nothing', async () => {
    const before = await store.exportAll();
    await assert.rejects(store.customers.update(1, (c) => ({ customer: { ...c, customerId: 2 }, events: [] })), TypeError);
    await assert.rejects(store.subscriptions.update(1, (s) => ({ subscription: { ...s, subscriptionId: 2 } })), TypeError);
    await assert.rejects(store.billing.addPayment(1, () => ({ kind: 'new', payment: payment('pay-y', 2, 1, 1) })), TypeError);
    assert.deepEqual(await store.exportAll(), before);
  });

  it('returns money rounded to cents', async () => {
    const dataset = smallDataset();
    const order = dataset.orders[0];
    const invoice = dataset.invoices[0];
    assert.ok(order && invoice);
    order.amount = 0.1 + 0.2;
    invoice.lines = [{ description: 'Fee', amount: 24.999999999 }];
    await store.replaceAll(dataset, SMALL_SEED_STATE);
    assert.equal((await store.orders.listByCustomer(1)).find((o) => o.orderId === 1)?.amount, 0.3);
    assert.deepEqual((await store.billing.getInvoiceWithPayments(1))?.invoice.lines, [{ description: 'Fee', amount: 25 }]);
  });

  it('limits security events as asked, treating a bad limit as none', async () => {
    assert.equal((await store.securityLogs.listByCustomer(1, 1)).length, 1);
    assert.deepEqual(await store.securityLogs.listByCustomer(1, 0), []);
    assert.deepEqual(await store.securityLogs.listByCustomer(1, Number.NaN), []);
  });
});

describe('sqlite store: one process per file', () => {
  it('refuses a second connection to a file another holds, naming the cause, and opens it once freed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-exclusive-'));
    const file = path.join(dir, 'contoso.db');
    const first = createSqliteStore({ path: file });
    try {
      assert.throws(
        () => createSqliteStore({ path: file }),
        (error: Error) => error instanceof UnavailableError && /in use by another process; one process serves one DATA_DIR/.test(error.message),
      );
    } finally {
      await first.close();
    }
    const again = createSqliteStore({ path: file });
    await again.ping();
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
