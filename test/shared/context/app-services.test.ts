// Tests of how the composition root applies telemetry: off, nothing is wrapped (the store the app
// serves is the store it built); on, the store is traced, the Entra JWKS fetch (against a real HTTP
// issuer) is a `jwks` client span and counted, failures by class, its breaker's changes reach the
// breaker metrics, and closing the app stops telemetry.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createAppServices } from '../../../shared/context/app-services.js';
import { createStore } from '../../../shared/storage/create-store.js';
import { silentLogger } from '../../../shared/telemetry/logger.js';
import { TELEMETRY_OFF, type Telemetry } from '../../../shared/telemetry/telemetry.js';
import { fixedClock } from '../../../shared/time/clock.js';
import { createInMemoryTelemetry } from '../../support/in-memory-telemetry.js';
import { APP_ID_URI, startTestIssuer, TENANT_A, type TestIssuer } from '../../support/test-issuer.js';

const NOW = new Date('2026-06-15T12:00:00Z');

describe('app services and telemetry', () => {
  let issuer: TestIssuer;
  before(async () => {
    issuer = await startTestIssuer({ now: NOW });
  });
  after(async () => issuer?.close());

  const entraConfig = () =>
    loadConfig({ SQLITE_PATH: ':memory:', SEED_CUSTOMER_COUNT: '0', AUTH_MODE: 'entra', AUTH_AUDIENCE: APP_ID_URI, ALLOWED_TENANTS: TENANT_A, ENTRA_JWKS_URI: issuer.jwksUri, JWKS_COOLDOWN_MS: '0', JWKS_BREAKER_HALF_OPEN_MS: '100' }, NOW);

  it('wraps nothing when telemetry is off', async () => {
    const config = entraConfig();
    const store = await createStore(config.store, { logger: silentLogger });
    const services = await createAppServices(config, { store, clock: fixedClock(NOW.toISOString()) });
    try {
      assert.equal(services.telemetry, TELEMETRY_OFF);
      assert.equal(services.store, store, 'the store is served as built');
      assert.equal(services.toolServices.store, store);
    } finally {
      await services.close();
    }
  });

  it('traces the store and the JWKS fetch, counts fetches and failures, and stops telemetry on close', async () => {
    const memory = createInMemoryTelemetry();
    let stopped = false;
    const telemetry: Telemetry = { ...memory.telemetry, shutdown: async () => void (stopped = true) };
    const config = entraConfig();
    const store = await createStore(config.store, { logger: silentLogger });
    const services = await createAppServices(config, { store, telemetry, clock: fixedClock(NOW.toISOString()) });
    try {
      assert.notEqual(services.store, store, 'the store is wrapped');
      const head = (token: string) => ({ url: 'http://localhost/api/mcp', headers: new Headers({ authorization: `Bearer ${token}` }) });
      assert.equal((await services.auth.authenticate(head(await issuer.signV1()))).ok, true);
      issuer.failWith(503);
      await issuer.rotate();
      const refused = await services.auth.authenticate(head(await issuer.signV1()));
      assert.deepEqual(refused.ok ? undefined : [refused.answer.status, refused.reason], [503, 'jwks_unavailable']);

      const fetches = memory.spans().filter((span) => span.attributes['contoso.dependency'] === 'jwks');
      assert.deepEqual(fetches.map((span) => [span.attributes['http.response.status_code'], span.attributes['url.full']]), [
        [200, issuer.jwksUri],
        [503, issuer.jwksUri],
        [503, issuer.jwksUri],
      ], 'a span per attempt: the failed fetch was retried once');
      const metrics = await memory.metrics();
      assert.deepEqual(
        metrics.filter((point) => point.name === 'contoso.jwks.fetches').map((point) => [point.attributes['contoso.jwks.outcome'], point.value]).sort(),
        [['http_503', 1], ['ok', 1]],
      );
      assert.deepEqual(metrics.filter((point) => point.name === 'contoso.jwks.failures').map((point) => [point.attributes['error.type'], point.value]), [['http_503', 1]]);
      const transitions = metrics.filter((point) => point.name === 'contoso.breaker.transitions');
      assert.deepEqual(transitions.map((point) => [point.attributes['contoso.dependency'], point.attributes['contoso.breaker.state'], point.value]), [['jwks', 'open', 1]], 'the JWKS policy reaches the app\'s policy observer');
    } finally {
      issuer.failWith(undefined);
      await services.close();
    }
    assert.equal(stopped, true, 'close() stops telemetry');
  });
});
