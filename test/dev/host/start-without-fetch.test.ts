// The local host starts and answers a tools/call on the fast path (what the bench's cold start
// measures) without loading Node's fetch implementation (undici, about 35 ms of a cold start
// here): no ES import of node:http (its facade reads the lazy WebSocket exports), no fetch for
// the readiness check, no web Request or Response for health, readiness or a complete MCP answer.
// (The first tools/list of a set of visible tools is captured through the SDK path, on a web
// Request, and loads it then.) Node's own list of
// loaded builtins is read from inside the process by a preloaded hook, on SIGUSR2. Without a
// scheduler, as the bench measures cold start: with one, the readiness check reaches it over MCP,
// whose client is built on fetch.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postRaw, toolCall } from '../../support/mcp-clients.js';
import { startLocalHost, type LocalHostProcess } from '../../support/local-host-process.js';

/** Writes process.moduleLoadList (the builtins and bindings loaded so far) to BUILTINS_LOG on SIGUSR2. */
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { writeFileSync } from 'node:fs';
process.on('SIGUSR2', () => writeFileSync(process.env.BUILTINS_LOG, process.moduleLoadList.join('\\n')));
`)}`;

describe('local host: start and fast-path answers without the fetch implementation', () => {
  let host: LocalHostProcess;
  let logFile: string;

  before(async () => {
    logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-builtins-')), 'builtins.log');
    host = await startLocalHost({ SEED_CUSTOMER_COUNT: '3', DEV_SCHEDULER: 'off', BUILTINS_LOG: logFile }, { nodeArgs: ['--import', HOOK] });
  });
  after(async () => {
    await host?.stop();
    fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
  });

  /** The builtins the host has loaded by now. */
  const loadedBuiltins = async (): Promise<string[]> => {
    fs.rmSync(logFile, { force: true });
    host.signal('SIGUSR2');
    for (let waited = 0; waited < 5_000 && !fs.existsSync(logFile); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    return fs.readFileSync(logFile, 'utf8').split('\n');
  };

  it('has not loaded undici after start-up and a tools/call', async () => {
    const call = await postRaw(host.mcpUrl, toolCall(1, 'get_customer_detail', { customer_id: 1 }), await host.authHeaders());
    assert.equal(call.status, 200);
    const result = (call.messages[0] as { result?: { isError?: boolean; structuredContent?: { customer_id?: number } } }).result;
    assert.equal(result?.structuredContent?.customer_id, 1, call.text);
    const builtins = await loadedBuiltins();
    assert.ok(builtins.some((line) => line.includes('node:http') || line.includes(' http')), 'the log lists builtins (node:http is loaded)');
    assert.deepEqual(builtins.filter((line) => line.includes('undici')), []);
  });
});
