// Tests of the DNS-rebinding checks: Host header and browser Origin against allow-lists.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostAllowList, isHostAllowed, isOriginAllowed } from '../../../shared/http/host-origin.js';

describe('hostAllowList', () => {
  const allowed = ['localhost', '127.0.0.1', '[::1]', 'api.contoso.com:8443'];
  const values = ['localhost', 'localhost:7071', '[::1]:7071', '[::2]', 'LocalHost', ' API.Contoso.com:8443 ', 'api.contoso.com:443', 'evil.example', '', ' ', `${'a'.repeat(300)}.example`, 'localhost:7071'];

  it('gives the verdict of isHostAllowed for every value, asked twice (the second answer is the kept one)', () => {
    const isAllowed = hostAllowList(allowed);
    for (const round of [1, 2]) {
      for (const value of values) assert.equal(isAllowed(value), isHostAllowed(value, allowed), `${value} (round ${round})`);
    }
    assert.equal(isAllowed(null), false);
  });

  it('keeps its verdicts bounded: many distinct values still get the right answer', () => {
    const isAllowed = hostAllowList(allowed);
    for (let index = 0; index < 500; index++) assert.equal(isAllowed(`host-${index}.example`), false);
    assert.equal(isAllowed('localhost:1'), true);
  });
});

describe('isHostAllowed', () => {
  const allowed = ['localhost', '127.0.0.1', '[::1]', 'api.contoso.com:8443'];

  it('accepts an allowed name with or without a port when the entry has none', () => {
    assert.equal(isHostAllowed('localhost', allowed), true);
    assert.equal(isHostAllowed('localhost:7071', allowed), true);
    assert.equal(isHostAllowed('127.0.0.1:80', allowed), true);
  });

  it('accepts a bracketed IPv6 host with and without a port', () => {
    assert.equal(isHostAllowed('[::1]:7071', allowed), true);
    assert.equal(isHostAllowed('[::1]', allowed), true);
    assert.equal(isHostAllowed('[::2]:7071', allowed), false);
  });

  it('matches names case-insensitively and ignores surrounding spaces', () => {
    assert.equal(isHostAllowed('LocalHost:7071', allowed), true);
    assert.equal(isHostAllowed(' API.Contoso.com:8443 ', allowed), true);
    assert.equal(isHostAllowed('localhost', ['LOCALHOST']), true);
  });

  it('requires the exact port when the entry names one', () => {
    assert.equal(isHostAllowed('api.contoso.com:8443', allowed), true);
    assert.equal(isHostAllowed('api.contoso.com:443', allowed), false);
    assert.equal(isHostAllowed('api.contoso.com', allowed), false);
  });

  it('refuses other names, including look-alikes', () => {
    assert.equal(isHostAllowed('evil.example', allowed), false);
    assert.equal(isHostAllowed('localhost.evil.example', allowed), false);
    assert.equal(isHostAllowed('evil.example:7071', allowed), false);
  });

  it('refuses a missing or blank Host header', () => {
    assert.equal(isHostAllowed(null, allowed), false);
    assert.equal(isHostAllowed('', allowed), false);
    assert.equal(isHostAllowed('   ', allowed), false);
  });

  it('refuses everything when nothing is allowed', () => {
    assert.equal(isHostAllowed('localhost', []), false);
  });
});

describe('isOriginAllowed', () => {
  const local = ['http://localhost:*', 'https://localhost:*', 'http://[::1]:*'];

  it('allows requests without an Origin (non-browser clients)', () => {
    assert.equal(isOriginAllowed(null, []), true);
  });

  it('refuses the literal "null" origin of sandboxed pages and files', () => {
    assert.equal(isOriginAllowed('null', local), false);
    assert.equal(isOriginAllowed('null', ['null']), false);
  });

  it('matches any port, or none, for a `*` port entry', () => {
    assert.equal(isOriginAllowed('http://localhost:6274', local), true);
    assert.equal(isOriginAllowed('http://localhost', local), true);
    assert.equal(isOriginAllowed('https://localhost:8443', local), true);
    assert.equal(isOriginAllowed('http://[::1]:5173', local), true);
  });

  it('requires the same scheme', () => {
    assert.equal(isOriginAllowed('https://[::1]:5173', local), false);
    assert.equal(isOriginAllowed('ftp://localhost:21', local), false);
  });

  it('matches the default port 443 for https and 80 for http', () => {
    const allowed = ['https://app.contoso.com', 'http://plain.contoso.com'];
    assert.equal(isOriginAllowed('https://app.contoso.com', allowed), true);
    assert.equal(isOriginAllowed('https://app.contoso.com:443', allowed), true);
    assert.equal(isOriginAllowed('https://app.contoso.com:8443', allowed), false);
    assert.equal(isOriginAllowed('http://plain.contoso.com:80', allowed), true);
    assert.equal(isOriginAllowed('http://plain.contoso.com:8080', allowed), false);
    assert.equal(isOriginAllowed('https://app.contoso.com', ['https://app.contoso.com:443']), true);
  });

  it('compares host names case-insensitively', () => {
    assert.equal(isOriginAllowed('https://APP.Contoso.com', ['https://app.contoso.com']), true);
    assert.equal(isOriginAllowed('https://app.contoso.com', ['HTTPS://App.Contoso.COM']), true);
  });

  it('refuses other hosts, including look-alikes', () => {
    assert.equal(isOriginAllowed('http://localhost.evil.example:7071', local), false);
    assert.equal(isOriginAllowed('https://evil.example', ['https://app.contoso.com']), false);
  });

  it('refuses a malformed origin', () => {
    for (const origin of ['', 'localhost:7071', 'http://', 'not a url']) {
      assert.equal(isOriginAllowed(origin, local), false, `accepted ${JSON.stringify(origin)}`);
    }
  });

  it('ignores allow-list entries that are not origins', () => {
    assert.equal(isOriginAllowed('https://app.contoso.com', ['app.contoso.com', '*', 'https://app.contoso.com/path']), false);
  });
});
