// A real third-party client: the pinned MCP Inspector CLI, run through `npm run inspect` as the
// README tells users to, lists and calls tools on the local host.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { CONTOSO_TOOLS } from '../../shared/tools/registry.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';

const run = promisify(execFile);

/** Runs `npm run inspect` as the README shows; it mints its token from the host's key file. */
async function inspect(host: LocalHostProcess, args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('npm', ['run', '-s', 'inspect', '--', ...args], {
    env: { ...process.env, MCP_URL: host.mcpUrl, DATA_DIR: host.dataDir },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('MCP Inspector CLI against the local host', () => {
  let host: LocalHostProcess;
  before(async () => {
    host = await startLocalHost();
  });
  after(async () => host?.stop());

  it('lists the tools', async () => {
    const out = await inspect(host, ['--method', 'tools/list']);
    const names = (out.tools as Array<{ name: string }>).map((t) => t.name).sort();
    assert.deepEqual(names, CONTOSO_TOOLS.map((t) => t.name).sort());
  });

  it('calls a tool with arguments', async () => {
    const out = await inspect(host, ['--method', 'tools/call', '--tool-name', 'get_customer_detail', '--tool-arg', 'customer_id=101']);
    assert.equal((out.structuredContent as { customer_id: number }).customer_id, 101);
    assert.equal(out.isError, undefined);
  });
});
