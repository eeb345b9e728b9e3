// Delegated authorization: how an expert's tool calls run. Every call goes through the same gate
// and runTool as an MCP tools/call, under the caller's verified principal from the request scope
// (never anything the model says), marked as made via the expert. The model is offered only the
// intersection of the expert's tools and the caller's; any other call is refused, audited under
// the caller with the expert named, and reported to the model as a refusal.
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { ChatMessage, ModelToolCall } from '../azure-openai/chat-model.js';
import { idArguments } from '../domain/audit/audit-record.js';
import type { Principal } from '../identity/principal.js';
import type { AnyTool } from '../mcp/define-tool.js';
import { runTool, type ToolRunner } from '../mcp/run-tool.js';
import type { ToolGate } from '../mcp/tool-gate.js';
import type { CallerScope } from '../request/request-scope.js';
import type { ExpertProfile } from './expert-profile.js';
import { IDEMPOTENCY_ARGUMENT, takesIdempotencyKey } from './model-tools.js';
import { expertIdempotencyKey } from './ticket-idempotency.js';
import { capToolText, documentIdsOf, REFUSALS } from './tool-results.js';

/** One entry of an answer's tools_used: the tool, the ids it was given, and what came of it. */
export interface ToolUse {
  name: string;
  /** `customer_id=251`, … (the declared `*_id` arguments only). */
  ids: string[];
  /** `ok`, `replayed`, an error code (`NOT_FOUND` …), `refused`, `not_available` or `malformed_arguments`. */
  outcome: string;
}

export interface DelegatedCall {
  expert: ExpertProfile;
  /** The caller's scope, delegated to the expert (scope.via = the expert's tool). */
  scope: CallerScope;
  call: ModelToolCall;
  /** The call's position among this turn's tool calls, from 0. */
  callIndex: number;
  conversationId: string;
  turnId: string;
  signal: AbortSignal;
}

export interface DelegatedCallResult {
  /** The tool message that answers the model's call. */
  message: ChatMessage;
  use: ToolUse;
  /** Knowledge-base documents the call returned (citable). */
  documentIds: number[];
}

export interface DelegatedTools {
  /** The expert's tools that `caller` may use, in the expert's order: all the model is offered. */
  offeredTo(expert: ExpertProfile, caller: Principal): readonly AnyTool[];
  call(request: DelegatedCall): Promise<DelegatedCallResult>;
}

export interface DelegatedToolsOptions {
  /** The gate of the Contoso tools (the same decision as tools/call). */
  gate: ToolGate;
  runner: ToolRunner;
  /** Every tool the gate knows, to name a tool in an audit record. */
  tools: readonly AnyTool[];
}

export function createDelegatedTools({ gate, runner, tools }: DelegatedToolsOptions): DelegatedTools {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const answer = (call: ModelToolCall, content: string) => ({ role: 'tool', tool_call_id: call.id, content }) as const;
  const idsOf = (tool: AnyTool | undefined, args: unknown) =>
    tool === undefined ? [] : Object.entries(idArguments(args, Object.keys(tool.input.shape))).map(([key, value]) => `${key}=${value}`);

  return {
    offeredTo(expert, caller) {
      const visible = new Set(gate.visibleTo(caller));
      return expert.toolNames.flatMap((name) => {
        const tool = byName.get(name);
        return tool !== undefined && visible.has(tool) ? [tool] : [];
      });
    },

    async call(request) {
      const { call, expert, scope } = request;
      const name = call.name.slice(0, 64);
      const known = byName.get(call.name);
      const args = parseArguments(call.arguments);
      if (args === undefined) {
        return { message: answer(call, REFUSALS.malformed(name)), use: { name, ids: [], outcome: 'malformed_arguments' }, documentIds: [] };
      }
      const ids = idsOf(known, args);
      if (known === undefined || !expert.toolNames.includes(known.name)) {
        if (known !== undefined) runner.audit.refused(known, args, scope, `not_an_expert_tool:${expert.toolName}`);
        return { message: answer(call, REFUSALS.notAvailable(name)), use: { name, ids, outcome: 'not_available' }, documentIds: [] };
      }
      const decision = gate.decide(known.name, args, scope);
      if (decision.kind !== 'granted') {
        return { message: answer(call, REFUSALS.callerMayNot(name)), use: { name, ids, outcome: 'refused' }, documentIds: [] };
      }
      const input = takesIdempotencyKey(known)
        ? { ...args, [IDEMPOTENCY_ARGUMENT]: expertIdempotencyKey({ conversationId: request.conversationId, turnId: request.turnId, callIndex: request.callIndex, tool: known.name, args }) }
        : args;
      const result = await runTool(runner, { tool: decision.tool, input, scope, requestSignal: () => request.signal });
      return {
        message: answer(call, capToolText(resultText(result))),
        use: { name, ids, outcome: outcomeOf(result) },
        documentIds: result.isError === true ? [] : documentIdsOf(known.name, structuredOf(result)),
      };
    },
  };
}

/** The model's arguments as an object, or undefined when they are not a JSON object. */
function parseArguments(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.trim() === '' ? '{}' : text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function resultText(result: CallToolResult): string {
  const first = result.content[0];
  const text = first?.type === 'text' ? first.text : '';
  return result.isError === true ? `ERROR ${text}` : text;
}

function outcomeOf(result: CallToolResult): string {
  if (result.isError === true) {
    const code = (result._meta?.['contoso/error'] as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : 'INTERNAL';
  }
  return structuredOf(result)?.replayed === true ? 'replayed' : 'ok';
}

function structuredOf(result: CallToolResult): Record<string, unknown> | undefined {
  const structured = result.structuredContent;
  return structured !== null && typeof structured === 'object' ? (structured as Record<string, unknown>) : undefined;
}
