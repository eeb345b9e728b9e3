// runTool on its own: the context a handler gets (every service, the scope, a signal made only
// when read), the time budget (a TIMEOUT tool error, the handler's signal aborted with it, the
// timer gone either way), and a result's JSON text reused for structuredContent only while it
// is the data it was made from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { developmentPrincipal } from '../../../shared/identity/principal.js';
import { defineTool, type AnyTool, type ToolContext } from '../../../shared/mcp/define-tool.js';
import { runTool, structuredContentJson, toolResult, type ToolRunner } from '../../../shared/mcp/run-tool.js';
import type { ToolAudit } from '../../../shared/mcp/tool-audit.js';
import type { ToolServices } from '../../../shared/mcp/tool-services.js';
import { detachedScope, withCaller } from '../../../shared/request/request-scope.js';
import { createLogger, silentLogger } from '../../../shared/telemetry/logger.js';
import { READ_ONLY } from '../../../shared/tools/common/schemas.js';

/** Stand-ins: runTool hands services through without touching them. */
const services = { store: { tag: 'store' }, clock: { tag: 'clock' }, newId: () => 'id-1' } as unknown as ToolServices;
const audit: ToolAudit = { covers: () => false, newAuditId: () => 'audit-1', granted: async () => {}, refused: () => {} };
const runner: ToolRunner = { services, logger: silentLogger, audit, timeoutMs: 1_000 };
const scope = withCaller(detachedScope('req-run'), developmentPrincipal());

function tool(handler: (ctx: ToolContext) => Promise<{ ok: boolean }>, timeoutMs?: number): AnyTool {
  return defineTool({
    name: 'probe',
    title: 'Probe',
    description: 'A probe',
    input: z.object({}),
    output: z.object({ ok: z.boolean() }),
    roles: [],
    annotations: READ_ONLY,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    handler: async (_input, ctx) => handler(ctx),
  });
}

describe('runTool', () => {
  it("gives the handler every service and the call's scope, and never asks for the request signal it does not read", async () => {
    let seen: ToolContext | undefined;
    let asked = 0;
    const result = await runTool(runner, {
      tool: tool(async (ctx) => {
        seen = ctx;
        return { ok: true };
      }),
      input: {},
      scope,
      requestSignal: () => {
        asked += 1;
        return new AbortController().signal;
      },
    });
    assert.deepEqual(result.structuredContent, { ok: true });
    assert.equal(seen?.store, services.store);
    assert.equal(seen?.clock, services.clock);
    assert.equal(seen?.newId(), 'id-1');
    assert.equal(seen?.scope, scope);
    assert.equal(seen?.caller, scope.caller);
    assert.equal(seen?.requestId, 'req-run');
    assert.equal(seen?.progressRequested, false);
    assert.equal(asked, 0);
  });

  it("aborts the handler's signal when the client cancels", async () => {
    const client = new AbortController();
    const result = await runTool(runner, {
      tool: tool(
        (ctx) =>
          new Promise((resolve) => {
            ctx.signal.addEventListener('abort', () => resolve({ ok: ctx.signal.reason === 'cancelled' }), { once: true });
            setImmediate(() => client.abort('cancelled'));
          }),
      ),
      input: {},
      scope,
      requestSignal: () => client.signal,
    });
    assert.deepEqual(result.structuredContent, { ok: true });
  });

  it('answers TIMEOUT at the time budget and aborts the signal with that error, read before or after', async () => {
    let early: AbortSignal | undefined;
    let late: AbortSignal | undefined;
    const result = await runTool(runner, {
      tool: tool((ctx) => {
        early = ctx.signal;
        return new Promise((resolve) =>
          early!.addEventListener('abort', () => {
            late = ctx.signal;
            resolve({ ok: false });
          }),
        );
      }, 30),
      input: {},
      scope,
      requestSignal: () => new AbortController().signal,
    });
    assert.equal(result.isError, true);
    assert.match((result.content[0] as { text: string }).text, /^TIMEOUT: probe did not finish within its 30 ms time budget/);
    assert.equal(early?.aborted, true);
    assert.equal((early?.reason as Error).name, 'TimeoutError');
    assert.equal(late, early);
  });

  it("logs with the tool's name and the request id, through one logger per call", async () => {
    const lines: string[] = [];
    const logged: ToolRunner = { ...runner, logger: createLogger({ level: 'info', sink: (_level, line) => lines.push(line) }) };
    let same = false;
    const failing = tool(async (ctx) => {
      same = ctx.logger === ctx.logger;
      ctx.logger.info('working');
      throw new Error('boom');
    });
    const result = await runTool(logged, { tool: failing, input: {}, scope, requestSignal: () => new AbortController().signal });
    assert.equal(result.isError, true);
    assert.equal(same, true);
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      records.map((record) => [record.msg ?? record.message, record.tool, record.requestId]),
      [
        ['working', 'probe', 'req-run'],
        ['tool failed', 'probe', 'req-run'],
      ],
    );
  });

  it('leaves no timer behind when the handler settles first', async () => {
    const before = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    await runTool(runner, { tool: tool(async () => ({ ok: true }), 60_000), input: {}, scope, requestSignal: () => new AbortController().signal });
    const failing = tool(async () => {
      throw new Error('boom');
    }, 60_000);
    const failed = await runTool(runner, { tool: failing, input: {}, scope, requestSignal: () => new AbortController().signal });
    assert.equal(failed.isError, true);
    assert.equal(process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length, before);
  });
});

describe('toolResult', () => {
  it("keeps the data's JSON for structuredContent while it is the data it was made from", () => {
    const data = { customer_id: 7, name: 'Aoife "A" Walsh' };
    const result = toolResult(data, 'summary');
    assert.deepEqual(result.content, [
      { type: 'text', text: JSON.stringify(data) },
      { type: 'text', text: 'summary' },
    ]);
    assert.equal(JSON.stringify(result), JSON.stringify({ content: result.content, structuredContent: data }), 'serializes as a plain result');
    assert.equal(structuredContentJson(result), JSON.stringify(data));
    result.structuredContent = { replaced: true };
    assert.equal(structuredContentJson(result), '{"replaced":true}');
    const copy = { ...toolResult(data, undefined), structuredContent: { copied: true } };
    assert.equal(structuredContentJson(copy), '{"copied":true}');
    assert.equal(structuredContentJson({ content: [], structuredContent: { plain: 1 } }), '{"plain":1}');
  });
});
