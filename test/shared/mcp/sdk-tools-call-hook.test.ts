// Pins the two private members of the SDK's low-level Server that sdk-tools-call-hook.ts relies
// on (MCP TypeScript SDK v2 2.4.0), so an SDK upgrade that moves them fails here by name rather
// than somewhere in the gate's audit or the tasks extension. Their behaviour is covered by
// tool-gate.test.ts and tasks/tasks-extension.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { McpServer } from '@modelcontextprotocol/server';
import { underInputRequiredSeam, wrapToolCalls, type ToolCallDispatch } from '../../../shared/mcp/sdk-tools-call-hook.js';

describe('SDK tools/call hooks', () => {
  it('finds the stored tools/call handler and puts a wrapper in front of it', () => {
    const server = new McpServer({ name: 'pin', version: '1' }, { capabilities: { tools: {} } });
    let wrapped: ToolCallDispatch | undefined;
    wrapToolCalls(server, (dispatch) => {
      wrapped = dispatch;
      return dispatch;
    });
    assert.equal(typeof wrapped, 'function');
  });

  it('refuses loudly when there is no tools/call handler to wrap', () => {
    const server = new McpServer({ name: 'pin', version: '1' });
    assert.throws(() => wrapToolCalls(server, (dispatch) => dispatch), /no tools\/call handler/);
  });

  it('reaches the multi-round-trip seam and returns an ordinary result untouched', async () => {
    const server = new McpServer({ name: 'pin', version: '1' }, { capabilities: { tools: {} } });
    const result = { resultType: 'task', taskId: 't' };
    const ctx = { mcpReq: { requestState: () => undefined } } as unknown as Parameters<ToolCallDispatch>[1];
    assert.equal(await underInputRequiredSeam(server, async () => result, { params: { name: 'x' } }, ctx), result);
  });
});
