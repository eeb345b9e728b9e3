// The seeding route's audit trail: a caller without the admin role is refused and audited as
// refused; an admin's request is audited with its outcome (seeded, skipped or the error code).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createApp, type App } from '../../../shared/context/create-app.js';
import { developmentPrincipal, ROLES, type Principal } from '../../../shared/identity/principal.js';
import { detachedScope } from '../../../shared/request/request-scope.js';

describe('POST api/manage/seed audit', () => {
  let app: App;
  let principal: Principal;
  const seed = (body: unknown) =>
    app.handlers.seed(
      new Request('http://localhost/api/manage/seed', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      detachedScope('req-seed'),
    );

  before(async () => {
    const config = loadConfig({ SQLITE_PATH: ':memory:', AUTH_MODE: 'disabled', SEED_CUSTOMER_COUNT: '2', SEED_ANCHOR_DATE: '2026-01-01' });
    app = await createApp(config, { logSink: () => {}, authenticate: async () => ({ ok: true, principal }) });
  });
  after(async () => app?.close());

  it('audits a refusal without the admin role and every admin request with its outcome', async () => {
    principal = { ...developmentPrincipal([ROLES.write]), callerId: 'writer' };
    assert.equal((await seed({})).status, 403);
    principal = { ...developmentPrincipal([ROLES.admin]), callerId: 'admin-1' };
    assert.equal((await seed({})).status, 200);
    assert.equal((await seed({ customer_count: 3 })).status, 409);
    assert.equal((await seed({ customer_count: 3, force: true })).status, 200);
    const records = (await app.services.store.audit.list(10)).reverse();
    assert.deepEqual(
      records.map((r) => [r.tool, r.callerId, r.outcome, r.result, r.reason, r.requestId]),
      [
        ['manage/seed', 'writer', 'refused', null, 'missing_role:admin', 'req-seed'],
        ['manage/seed', 'admin-1', 'granted', 'skipped', null, 'req-seed'],
        ['manage/seed', 'admin-1', 'granted', 'CONFLICT', null, 'req-seed'],
        ['manage/seed', 'admin-1', 'granted', 'ok', null, 'req-seed'],
      ],
    );
  });
});
