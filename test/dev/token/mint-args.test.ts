// Tests of `npm run token` argument parsing: defaults from the settings, durations, and a clear
// UsageError for every mistake.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_TOKEN_LIFETIME_SECONDS, USAGE, parseDuration, parseMintArgs, UsageError } from '../../../dev/token/mint-args.js';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from '../../../shared/config/settings-schema.js';

const DEFAULTS = { roles: ['support.read'], tenant: '00000000-0000-0000-0000-00000000c0de', scope: 'MCP.Access', audience: 'api://contoso-mcp-local' };
const TENANT = '11111111-1111-4111-8111-111111111111';

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and days', () => {
    assert.equal(parseDuration('30s'), 30);
    assert.equal(parseDuration('15m'), 900);
    assert.equal(parseDuration('1h'), 3600);
    assert.equal(parseDuration('1d'), MAX_TOKEN_LIFETIME_SECONDS);
  });

  it('allows at most 24h, the lifetime the server accepts by default', () => {
    assert.equal(MAX_TOKEN_LIFETIME_SECONDS, 24 * 3600);
    assert.equal(MAX_TOKEN_LIFETIME_SECONDS, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS);
  });

  it('refuses zero, other units, and more than 24h', () => {
    for (const text of ['0s', '1', '1w', '1.5h', '-1h', 'h', '']) assert.throws(() => parseDuration(text), /expected a duration/, text);
    assert.throws(() => parseDuration('2d'), /at most 24h/);
    assert.throws(() => parseDuration('86401s'), /at most 24h/);
  });

  it('accepts every duration its help and its error message suggest', () => {
    const help = USAGE.split('\n').find((line) => line.includes('--expires-in')) ?? '';
    let message = '';
    try {
      parseDuration('soon');
    } catch (error) {
      message = (error as Error).message.replace(/\(got .*\)$/, '');
    }
    const suggested = `${help} ${message}`.match(/\b\d+[smhd]\b/g) ?? [];
    assert.ok(suggested.length >= 6, suggested.join(' '));
    for (const text of suggested.filter((t) => t !== '24h')) assert.doesNotThrow(() => parseDuration(text), text);
  });
});

describe('parseMintArgs', () => {
  it('takes defaults from the settings', () => {
    assert.deepEqual(parseMintArgs([], DEFAULTS), {
      roles: ['support.read'],
      tenant: DEFAULTS.tenant,
      sub: 'local-developer',
      oid: undefined,
      expiresInSeconds: 3600,
      scope: 'MCP.Access',
      audience: 'api://contoso-mcp-local',
    });
  });

  it('reads every option', () => {
    const args = parseMintArgs(
      ['--roles', 'security, support.write', '--tenant', TENANT.toUpperCase(), '--sub', 'alice', '--oid', 'o-1', '--expires-in', '15m', '--scope', 'MCP.Access  User.Read', '--audience', 'api://x'],
      DEFAULTS,
    );
    assert.deepEqual(args, {
      roles: ['security', 'support.write'],
      tenant: TENANT,
      sub: 'alice',
      oid: 'o-1',
      expiresInSeconds: 900,
      scope: 'MCP.Access User.Read',
      audience: 'api://x',
    });
    assert.deepEqual(parseMintArgs(['--roles=admin', '--expires-in=30s'], DEFAULTS).roles, ['admin']);
    assert.deepEqual(parseMintArgs(['--roles', ''], DEFAULTS).roles, [], 'an empty list asks for no roles');
  });

  it('refuses unknown options, positionals, missing values and bad values', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--bogus'], /Unknown option '--bogus'/],
      [['alice'], /positional/i],
      [['--roles'], /argument missing/i],
      [['--roles', 'bad role'], /--roles: "bad role" is not a role name/],
      [['--tenant', 'contoso.onmicrosoft.com'], /--tenant: expected a tenant id/],
      [['--sub', ' '], /--sub: must not be empty/],
      [['--oid', ''], /--oid: must not be empty/],
      [['--expires-in', '2d'], /--expires-in: at most 24h/],
      [['--scope', 'MCP.Access,Other'], /--scope: expected space-separated scope names/],
      [['--audience', 'a b'], /--audience: expected one audience/],
    ];
    for (const [argv, message] of cases) {
      assert.throws(() => parseMintArgs(argv, DEFAULTS), (error: unknown) => error instanceof UsageError && message.test(error.message), argv.join(' '));
    }
  });
});
