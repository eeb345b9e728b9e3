// Tests of the environment-string parsers: accepted spellings, defaults and refusals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  booleanSetting,
  integerSetting,
  isoDateSetting,
  listSetting,
  optionalString,
  patternListSetting,
  patternSetting,
  urlSetting,
} from '../../../shared/config/env-parsers.js';

describe('booleanSetting', () => {
  const flag = booleanSetting(true);

  it('accepts true/false, 1/0 and yes/no in any case, with spaces', () => {
    for (const value of ['true', 'TRUE', ' 1 ', 'Yes']) assert.equal(flag.parse(value), true);
    for (const value of ['false', 'False', '0', 'NO ']) assert.equal(flag.parse(value), false);
  });

  it('falls back to the default when absent or blank', () => {
    assert.equal(flag.parse(undefined), true);
    assert.equal(booleanSetting(false).parse(''), false);
  });

  it('refuses anything else with what it expected', () => {
    const result = flag.safeParse('on');
    assert.equal(result.success, false);
    assert.equal(result.error?.issues[0]?.message, 'expected true or false');
  });
});

describe('integerSetting', () => {
  const port = integerSetting(7071, 1, 10);

  it('accepts whole numbers within the bounds, inclusive', () => {
    assert.equal(port.parse('1'), 1);
    assert.equal(port.parse(' 10 '), 10);
    assert.equal(port.parse(undefined), 7071);
  });

  it('refuses numbers outside the bounds and non-integers', () => {
    for (const value of ['0', '11', '1.5', '0x5', '5abc', '9007199254740993']) {
      assert.equal(port.safeParse(value).success, false, `accepted ${value}`);
    }
    assert.equal(port.safeParse('11').error?.issues[0]?.message, 'expected a whole number from 1 to 10');
  });
});

describe('listSetting', () => {
  it('splits on commas, trims and drops empty items', () => {
    assert.deepEqual(listSetting.parse(' a, b ,,c '), ['a', 'b', 'c']);
  });

  it('gives undefined for an absent or empty list so the caller picks the default', () => {
    assert.equal(listSetting.parse(undefined), undefined);
    assert.equal(listSetting.parse(' , '), undefined);
  });
});

describe('isoDateSetting', () => {
  it('accepts real calendar dates, including 29 February of a leap year', () => {
    assert.equal(isoDateSetting.parse('2026-03-15'), '2026-03-15');
    assert.equal(isoDateSetting.parse('2024-02-29'), '2024-02-29');
    assert.equal(isoDateSetting.parse(undefined), undefined);
  });

  it('refuses dates that do not exist and other formats', () => {
    for (const value of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-3-5', '2026-03-15T00:00:00Z']) {
      assert.equal(isoDateSetting.safeParse(value).success, false, `accepted ${value}`);
    }
  });
});

describe('optionalString', () => {
  it('trims and turns blank into undefined', () => {
    assert.equal(optionalString.parse('  value '), 'value');
    assert.equal(optionalString.parse('   '), undefined);
    assert.equal(optionalString.parse(undefined), undefined);
  });
});

describe('urlSetting', () => {
  const origin = urlSetting({ allowHttp: 'any', originOnly: true });
  const secure = urlSetting({ allowHttp: 'loopback', originOnly: false });

  it('returns an origin without a trailing slash, host lower-cased', () => {
    assert.equal(origin.parse('https://MCP.Contoso.com/'), 'https://mcp.contoso.com');
    assert.equal(origin.parse(' http://localhost:7071 '), 'http://localhost:7071');
    assert.equal(origin.parse(undefined), undefined);
    assert.equal(origin.parse(''), undefined);
  });

  it('refuses a path, query, fragment, credentials or another scheme when an origin is expected', () => {
    for (const value of ['https://a.com/api', 'https://a.com?x=1', 'https://a.com/?', 'https://a.com#top', 'https://u:p@a.com', 'ftp://a.com', 'a.com', '/relative']) {
      const result = origin.safeParse(value);
      assert.equal(result.success, false, value);
      assert.equal(result.error?.issues[0]?.message, 'expected an http(s) URL with no path, query or fragment');
    }
  });

  it('allows http only on loopback hosts where asked', () => {
    assert.equal(secure.parse('https://login.example.com/common/keys'), 'https://login.example.com/common/keys');
    assert.equal(secure.parse('http://127.0.0.1:9999/keys'), 'http://127.0.0.1:9999/keys');
    assert.equal(secure.parse('http://localhost/keys'), 'http://localhost/keys');
    const result = secure.safeParse('http://login.example.com/keys');
    assert.equal(result.success, false);
    assert.equal(result.error?.issues[0]?.message, 'expected an https (or loopback http) URL');
  });
});

describe('patternListSetting', () => {
  const tenants = patternListSetting(/^[a-f0-9-]{36}$/i, 'tenant ids', true);

  it('splits, trims, checks every item and can lower-case them', () => {
    assert.deepEqual(tenants.parse(' AAAAAAAA-1111-4111-8111-111111111111 ,'), ['aaaaaaaa-1111-4111-8111-111111111111']);
    assert.equal(tenants.parse(''), undefined);
  });

  it('refuses the list when any item does not match', () => {
    const result = tenants.safeParse('aaaaaaaa-1111-4111-8111-111111111111,contoso.onmicrosoft.com');
    assert.equal(result.success, false);
    assert.equal(result.error?.issues[0]?.message, 'expected a comma-separated list of tenant ids');
  });
});

describe('patternSetting', () => {
  const scope = patternSetting(/^[\w.]+$/, 'a scope name');

  it('accepts a matching value, trimmed; blank is undefined', () => {
    assert.equal(scope.parse(' MCP.Access '), 'MCP.Access');
    assert.equal(scope.parse('  '), undefined);
  });

  it('refuses anything else with what it expected', () => {
    assert.equal(scope.safeParse('MCP Access').error?.issues[0]?.message, 'expected a scope name');
  });
});
