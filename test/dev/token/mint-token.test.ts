// Runs `mint-token` as a program (through tsx) the way `npm run token` does: the last stdout line
// is a token that the server's verifier accepts with the same settings and key file; mistakes
// exit with code 2 and a message on stderr.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { createConfiguredVerifier } from '../../../shared/auth/configured-verifier.js';
import { loadConfig } from '../../../shared/config/load-config.js';

const run = promisify(execFile);
const TENANT = '11111111-1111-4111-8111-111111111111';

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function mintToken(args: string[], env: Record<string, string>): Promise<RunResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'dev/token/mint-token.ts', ...args], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}

describe('mint-token', () => {
  let dataDir: string;
  let env: Record<string, string>;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-token-'));
    env = { DATA_DIR: dataDir, ALLOWED_TENANTS: `00000000-0000-0000-0000-00000000c0de,${TENANT}` };
  });
  after(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a token on the last stdout line that the server accepts with the same settings', async () => {
    const result = await mintToken(['--roles', 'security,support.write', '--tenant', TENANT, '--sub', 'alice', '--expires-in', '15m'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Development token from https:\/\/contoso-mcp\.local\/issuer/);
    assert.match(result.stderr, /roles security, support\.write/);

    const token = lastLine(result.stdout);
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const { verify } = await createConfiguredVerifier(loadConfig(env).auth, { fetch: globalThis.fetch, now: () => new Date() });
    const verified = await verify?.(token);
    assert.equal(verified?.ok, true, JSON.stringify(verified));
    if (!verified?.ok) return;
    assert.deepEqual(verified.principal, { callerId: 'alice', tenantId: TENANT, roles: ['security', 'support.write'], source: 'token' });
    const lifetime = Number(verified.claims.exp) - Number(verified.claims.iat);
    assert.equal(lifetime, 900);
  });

  it('grants the read role by default (READ_ROLE when renamed), so a default token can read', async () => {
    for (const [settings, appRole] of [[{}, 'support.read'], [{ READ_ROLE: 'Contoso.Read' }, 'Contoso.Read']] as const) {
      const result = await mintToken([], { ...env, ...settings });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, new RegExp(`roles ${appRole.replace('.', '\\.')}\n`));
      const { verify } = await createConfiguredVerifier(loadConfig({ ...env, ...settings }).auth, { fetch: globalThis.fetch, now: () => new Date() });
      const verified = await verify?.(lastLine(result.stdout));
      assert.ok(verified?.ok, JSON.stringify(verified));
      assert.deepEqual(verified.principal.roles, ['support.read']);
    }
    const none = await mintToken(['--roles', ''], env);
    assert.match(none.stderr, /roles \(none\)/);
    assert.match(none.stderr, /note: no roles; tools that need one \(reading needs support\.read\)/);
  });

  it('warns when the token would be refused, and still prints it', async () => {
    const result = await mintToken(['--tenant', '99999999-9999-4999-8999-999999999999', '--scope', 'User.Read'], env);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: tenant 99999999-9999-4999-8999-999999999999 is not in ALLOWED_TENANTS/);
    assert.match(result.stderr, /warning: scope lacks MCP\.Access/);
    assert.doesNotMatch(result.stderr, /MAX_TOKEN_LIFETIME_SECONDS/);

    const long = await mintToken(['--expires-in', '2h'], { ...env, MAX_TOKEN_LIFETIME_SECONDS: '3600' });
    assert.equal(long.code, 0, long.stderr);
    assert.match(long.stderr, /warning: lifetime over MAX_TOKEN_LIFETIME_SECONDS \(3600 s; the server will answer 401\)/);
    assert.equal(result.stdout.trim().split('\n').length, 1, 'stdout holds the token alone');
  });

  it('exits with 2 and explains a bad argument, without printing a token', async () => {
    for (const args of [['--expires-in', '2d'], ['--tenant', 'contoso.com'], ['--bogus']]) {
      const result = await mintToken(args, env);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /Usage: npm run token/);
    }
  });

  it('exits with 2 on invalid settings', async () => {
    const result = await mintToken([], { ...env, CLOCK_TOLERANCE_SECONDS: 'soon' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /CLOCK_TOLERANCE_SECONDS: expected a whole number/);
  });

  it('prints the usage to stderr for --help', async () => {
    const result = await mintToken(['--help'], env);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /--expires-in <time>/);
    assert.match(result.stderr, /--roles <list> .*\n.*\(default: support\.read/);
  });
});
