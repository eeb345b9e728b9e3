// Tests of the Entra issuer templates: v1 and v2 issuers for a GUID tenant, none otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entraAuthority, entraIssuers } from '../../../shared/auth/entra-issuers.js';

const TENANT = '11111111-1111-4111-8111-111111111111';

describe('entraIssuers', () => {
  it('gives the v1 and v2 issuers of the token’s own tenant', () => {
    assert.deepEqual(entraIssuers('https://login.microsoftonline.com')(TENANT), [
      `https://sts.windows.net/${TENANT}/`,
      `https://login.microsoftonline.com/${TENANT}/v2.0`,
    ]);
  });

  it('follows the configured authority host (and v1 host)', () => {
    assert.deepEqual(entraIssuers('https://login.microsoftonline.us/', 'https://sts.windows.net/')(TENANT), [
      `https://sts.windows.net/${TENANT}/`,
      `https://login.microsoftonline.us/${TENANT}/v2.0`,
    ]);
  });

  it('gives nothing for a tid that is not a GUID', () => {
    const issuersFor = entraIssuers('https://login.microsoftonline.com');
    for (const tid of ['common', 'organizations', 'contoso.onmicrosoft.com', `${TENANT}/x`, '']) assert.deepEqual(issuersFor(tid), [], tid);
  });
});

describe('entraAuthority', () => {
  it('is the v2.0 authority of a tenant', () => {
    assert.equal(entraAuthority('https://login.microsoftonline.com', TENANT), `https://login.microsoftonline.com/${TENANT}/v2.0`);
  });
});
