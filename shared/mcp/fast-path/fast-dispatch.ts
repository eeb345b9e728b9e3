// The fast path: answers one tools/list or tools/call from structures built once per process,
// without building a per-request SDK server and transport (measured as most of a call's cost).
// tools/list answers are the SDK's own, captured the first time per era and set of visible tools
// and replayed; tools/call goes through the same gate and runTool as the SDK path and is written
// as the SDK writes it. Whatever it does not fully understand goes to the SDK path unchanged.
import { ProtocolErrorCode } from '@modelcontextprotocol/server';
import type { CallerScope } from '../../request/request-scope.js';
import { runTool, type ToolRunner } from '../run-tool.js';
import type { ToolGate } from '../tool-gate.js';
import { encodeError, encodeListAnswer, encodeToolResult } from './encode-answer.js';
import { classifyFastRequest, type FastRequest } from './fast-request.js';

/** Answers a request through the SDK path (the fallback, and the source of cached list answers). */
export type SdkAnswer = (request: Request, message: object, scope: CallerScope) => Promise<Response>;

export interface FastPathOptions {
  gate: ToolGate;
  runner: ToolRunner;
  sdkAnswer: SdkAnswer;
  /**
   * Whether other registrations (development extensions) may serve tools the gate does not know;
   * then a call of an unknown name goes to the SDK path instead of being answered here.
   */
  otherToolsMayExist: boolean;
}

/** The answer to `message`, or undefined when the SDK path must answer it. */
export type FastPath = (request: Request, message: object, scope: CallerScope) => Promise<Response | undefined>;

const JSON_HEADERS = { 'content-type': 'application/json' };

function jsonResponse(text: string): Response {
  return new Response(text, { status: 200, headers: JSON_HEADERS });
}

export function createFastPath(options: FastPathOptions): FastPath {
  const { gate, runner, sdkAnswer } = options;
  /** Serialized tools/list results by era, version and the names of the tools the caller sees. */
  const listResults = new Map<string, string>();

  async function answerToolsList(request: Request, message: object, fast: FastRequest, scope: CallerScope): Promise<Response> {
    const key = `${fast.era}\0${fast.version}\0${gate.visibleTo(scope.caller).map((tool) => tool.name).join(',')}`;
    const cached = listResults.get(key);
    if (cached !== undefined) return jsonResponse(encodeListAnswer(fast, cached));
    const answer = await sdkAnswer(request, message, scope);
    if (answer.status !== 200 || !(answer.headers.get('content-type') ?? '').startsWith('application/json')) return answer;
    const text = await answer.text();
    const parsed = JSON.parse(text) as { result?: unknown };
    if (parsed.result !== undefined) listResults.set(key, JSON.stringify(parsed.result));
    return new Response(text, { status: answer.status, headers: answer.headers });
  }

  async function answerToolsCall(request: Request, fast: FastRequest & { name: string }, scope: CallerScope): Promise<Response | undefined> {
    const decision = gate.decide(fast.name, fast.args, scope);
    if (decision.kind === 'unknown' && options.otherToolsMayExist) return undefined;
    if (decision.kind !== 'granted') {
      // Refused and unknown alike, in the SDK's words: nothing tells a hidden tool from a missing one.
      return jsonResponse(encodeError(fast, ProtocolErrorCode.InvalidParams, `Tool ${fast.name} not found`));
    }
    const result = await runTool(runner, { tool: decision.tool, input: fast.args, scope, signal: request.signal });
    return jsonResponse(encodeToolResult(fast, result));
  }

  return async function answerFast(request, message, scope) {
    const fast = classifyFastRequest(request, message);
    if (fast === undefined) return undefined;
    if (fast.method === 'tools/list') return answerToolsList(request, message, fast, scope);
    return answerToolsCall(request, fast as FastRequest & { name: string }, scope);
  };
}
