// A real third-party client: the pinned MCP Inspector CLI, run through `npm run inspect` as the
// README tells users to (with its bearer token), lists and calls tools on the local host; a
// recording proxy in between shows a call with a progress token answered as SSE and one
// without as JSON.
import assert from 'node:assert/strict';
import { exec, execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { CONTOSO_TOOLS } from '../../shared/tools/registry.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';
import { startRecordingProxy } from '../support/recording-proxy.js';

const run = promisify(execFile);

/** Runs `npm run inspect` as the README shows; it mints its token from the host's key file. */
async function inspect(host: LocalHostProcess, args: string[], mcpUrl = host.mcpUrl): Promise<Record<string, unknown>> {
  const { stdout } = await run('npm', ['run', '-s', 'inspect', '--', ...args], {
    env: { ...process.env, MCP_URL: mcpUrl, DATA_DIR: host.dataDir },
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

  it('runs the inspect command the banner prints, with no other setting, on a host with its own port and DATA_DIR', async () => {
    const line = host.output().split('\n').find((l) => l.includes('npm run inspect') && l.includes('tools/list'));
    assert.ok(line, 'the banner shows the inspect command');
    assert.match(line, /PORT=\d+ /);
    assert.match(line, /DATA_DIR=/);
    // npm's own banner lines are silenced so stdout is the Inspector's JSON alone.
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', npm_config_loglevel: 'silent' };
    const { stdout } = await promisify(exec)(line.trim(), { env, timeout: 60_000 });
    const names = (JSON.parse(stdout) as { tools: Array<{ name: string }> }).tools.map((t) => t.name);
    assert.equal(names.length, CONTOSO_TOOLS.length);
  });

  it('lists the tools', async () => {
    const out = await inspect(host, ['--method', 'tools/list']);
    const names = (out.tools as Array<{ name: string }>).map((t) => t.name).sort();
    assert.deepEqual(names, CONTOSO_TOOLS.map((t) => t.name).sort());
  });

  it('calls a tool with arguments', async () => {
    const out = await inspect(host, ['--method', 'tools/call', '--tool-name', 'get_customer_detail', '--tool-arg', 'customer_id=251']);
    assert.equal((out.structuredContent as { customer_id: number }).customer_id, 251);
    assert.equal(out.isError, undefined);
  });

  it('gets SSE for a call with a progress token and JSON for one without', async () => {
    const proxy = await startRecordingProxy(host.mcpUrl);
    try {
      const args = ['--method', 'tools/call', '--tool-name', 'search_knowledge_base', '--tool-arg', 'query=roaming abroad'];
      const streamed = await inspect(host, [...args, '--tool-metadata', 'progressToken=inspector-1'], proxy.url);
      const plain = await inspect(host, args, proxy.url);
      assert.deepEqual(streamed.structuredContent, plain.structuredContent);
      const calls = proxy.exchanges.filter((e) => e.method === 'tools/call' && e.tool === 'search_knowledge_base');
      assert.equal(calls.length, 2);
      assert.equal(calls[0]?.progressToken, true);
      assert.match(calls[0]?.contentType ?? '', /^text\/event-stream/);
      assert.equal(calls[1]?.progressToken, false);
      assert.match(calls[1]?.contentType ?? '', /^application\/json/);
    } finally {
      await proxy.close();
    }
  });
});
