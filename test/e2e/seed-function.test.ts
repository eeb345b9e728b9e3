// POST /api/manage/seed over real HTTP: function key required, body validated, idempotent and
// safe under concurrency, answering what it did.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';

interface SeedAnswer {
  action?: 'seeded' | 'skipped';
  reason?: string;
  counts?: Record<string, number> | null;
  duration_ms?: number;
  state?: { customerCount: number; anchorDate: string };
  error?: { code: string; message: string };
}

describe('POST /api/manage/seed', () => {
  let host: LocalHostProcess;
  let seedUrl: string;
  let admin: Record<string, string>;
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(seedUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-functions-key': host.functionKey, ...admin, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as SeedAnswer };
  };
  const customerCount = async () => {
    const ready = (await (await fetch(`${host.baseUrl}/api/ready`)).json()) as { customers: number };
    return ready.customers;
  };

  before(async () => {
    host = await startLocalHost({ SEED_CUSTOMER_COUNT: '30' });
    seedUrl = `${host.baseUrl}/api/manage/seed`;
    admin = await host.authHeaders(['admin']);
  });
  after(async () => host?.stop());

  it('requires the function key', async () => {
    const missing = await fetch(seedUrl, { method: 'POST', body: '{}' });
    assert.equal(missing.status, 401);
    const wrong = await post({}, { 'x-functions-key': 'nope' });
    assert.equal(wrong.status, 401);
    const query = await fetch(`${seedUrl}?code=${host.functionKey}`, { method: 'POST', headers: admin });
    assert.equal(query.status, 200);
  });

  it('requires an admin token on top of the function key', async () => {
    const none = await fetch(seedUrl, { method: 'POST', headers: { 'x-functions-key': host.functionKey } });
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer resource_metadata="/);
    const support = await post({}, await host.authHeaders(['support.write', 'security']));
    assert.equal(support.status, 403);
    assert.equal(support.body.error?.code, 'FORBIDDEN');
  });

  it('skips when the store already holds the requested seed', async () => {
    const res = await post({});
    assert.equal(res.status, 200);
    assert.equal(res.body.action, 'skipped');
    assert.equal(res.body.state?.customerCount, 30);
  });

  it('refuses other settings without force, then reseeds with force and reports counts', async () => {
    const conflict = await post({ customer_count: 12 });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.error?.code, 'CONFLICT');
    const forced = await post({ customer_count: 12, force: true, anchor_date: '2026-03-01' });
    assert.equal(forced.status, 200);
    assert.equal(forced.body.action, 'seeded');
    assert.equal(forced.body.counts?.customers, 21, '12 generated plus 9 scenario customers');
    assert.ok((forced.body.counts?.invoices ?? 0) > 0);
    assert.equal(typeof forced.body.duration_ms, 'number');
    assert.equal(await customerCount(), 21);
  });

  it('gives the same data when asked twice or concurrently, never duplicates', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => post({ customer_count: 20, force: true, anchor_date: '2026-03-01' })));
    for (const answer of answers) assert.equal(answer.status, 200);
    assert.equal(await customerCount(), 29);
    const again = await post({ customer_count: 20, anchor_date: '2026-03-01' });
    assert.equal(again.body.action, 'skipped');
    assert.equal(await customerCount(), 29);
  });

  it('validates the body and names what is wrong', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ customer_count: -1 }, /customer_count/],
      [{ customer_count: 'ten' }, /customer_count/],
      [{ customer_count: 100_000 }, /customer_count/],
      [{ anchor_date: '2026-02-30' }, /anchor_date/],
      [{ force: 'yes' }, /force/],
      [{ surprise: true }, /surprise/],
      [[1, 2], /body/],
    ];
    for (const [body, pattern] of cases) {
      const res = await post(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error?.code, 'INVALID_ARGUMENT');
      assert.match(res.body.error?.message ?? '', pattern, JSON.stringify(body));
    }
    const malformed = await post('{"customer_count": ');
    assert.equal(malformed.status, 400);
    assert.match(malformed.body.error?.message ?? '', /not valid JSON/);
  });

  it('answers a body that is not JSON with 415, as the MCP endpoint does', async () => {
    const res = await post('{"force": true}', { 'content-type': 'text/plain' });
    assert.equal(res.status, 415);
    assert.equal(res.body.error?.code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.match(res.body.error?.message ?? '', /Content-Type must be application\/json/);
  });
});
