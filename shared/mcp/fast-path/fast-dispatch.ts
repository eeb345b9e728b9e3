// The fast path: answers one tools/list or tools/call from structures built once per process,
// without building a per-request SDK server and transport (measured as most of a call's cost).
// tools/list answers are the SDK's own, captured the first time per era and set of visible tools
// and replayed; tools/call goes through the same gate and runTool as the SDK path and is written
// as the SDK writes it. Whatever it does not fully understand goes to the SDK path unchanged, and
// so does a 2026-07-28 call of a tool a task provider runs (the tasks extension lives there).
// What it answers it describes to the request's telemetry (`scope.trace`, only while it is on).
import { jsonAnswer, type HttpAnswer } from '../../http/http-answer.js';
import type { RequestHead } from '../../http/request-head.js';
import type { CallerScope } from '../../request/request-scope.js';
import type { McpMessageInfo } from '../../telemetry/request-trace.js';
import { runTool, type ToolRunner } from '../run-tool.js';
import type { ToolGate } from '../tool-gate.js';
import { encodeError, encodeFixedResult, encodeListAnswer, encodeToolResult, type EncodedResult } from './encode-answer.js';
import { INVALID_PARAMS } from '../protocol-versions.js';
import { carriesEnvelope, classifyFastRequest, type FastRequest, type ModernClassifier } from './fast-request.js';

let modernClassifier: Promise<ModernClassifier> | undefined;

/** The SDK's era classifier, imported the first time a 2026-07-28 request comes (the SDK is large). */
function loadModernClassifier(): Promise<ModernClassifier> {
  modernClassifier ??= import('@modelcontextprotocol/server').then((sdk) => sdk.classifyInboundRequest);
  return modernClassifier;
}

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
  /**
   * Tools a task provider runs (shared/mcp/tasks/): a 2026-07-28 call of one goes to the SDK path,
   * which creates the task or refuses the call; 2025-era calls are ordinary calls.
   */
  taskTools?: ReadonlySet<string>;
}

/**
 * The answer to `message`, or undefined when the SDK path must answer it. `head` is the request;
 * when it is a whole web Request, a tools/list answer not yet captured is captured through it.
 */
export type FastPath = (head: RequestHead, message: object, scope: CallerScope) => Promise<HttpAnswer | undefined>;

export function createFastPath(options: FastPathOptions): FastPath {
  const { gate, runner, sdkAnswer } = options;
  /**
   * Encoded tools/list results by the names of the tools the caller sees, then era and version.
   * The names string is the one kept per principal, so its hash is computed once, not per request.
   */
  const listResults = new Map<string, Map<string, EncodedResult>>();
  /** The names of the tools a caller sees, per principal (verified principals are cached per token). */
  const visibleNames = new WeakMap<object, string>();
  const visibleNamesOf = (scope: CallerScope) => {
    let names = visibleNames.get(scope.caller);
    if (names === undefined) visibleNames.set(scope.caller, (names = gate.visibleTo(scope.caller).map((tool) => tool.name).join(',')));
    return names;
  };

  async function answerToolsList(head: RequestHead, message: object, fast: FastRequest, scope: CallerScope): Promise<HttpAnswer | undefined> {
    const names = visibleNamesOf(scope);
    const key = `${fast.era}\0${fast.version}`;
    const cached = listResults.get(names)?.get(key);
    if (cached !== undefined) {
      scope.trace?.message(describe(fast, scope));
      return jsonAnswer(200, encodeListAnswer(fast, cached));
    }
    if (!(head instanceof Request)) return undefined;
    const answer = await sdkAnswer(head, message, scope);
    if (answer.status !== 200 || !(answer.headers.get('content-type') ?? '').startsWith('application/json')) return undefined;
    const text = await answer.text();
    const parsed = JSON.parse(text) as { result?: unknown };
    if (parsed.result === undefined) return undefined;
    let byVersion = listResults.get(names);
    if (byVersion === undefined) listResults.set(names, (byVersion = new Map<string, EncodedResult>()));
    byVersion.set(key, encodeFixedResult(JSON.stringify(parsed.result)));
    scope.trace?.message(describe(fast, scope));
    return jsonAnswer(200, text);
  }

  async function answerToolsCall(head: RequestHead, fast: FastRequest & { name: string }, scope: CallerScope): Promise<HttpAnswer | undefined> {
    if (fast.era === 'modern' && options.taskTools?.has(fast.name) === true) return undefined;
    const decision = gate.decide(fast.name, fast.args, scope);
    if (decision.kind === 'unknown' && options.otherToolsMayExist) return undefined;
    if (decision.kind !== 'granted') {
      if (scope.trace !== undefined) {
        scope.trace.message(describe(fast, scope, decision.kind === 'refused' ? fast.name : undefined));
        scope.trace.refused(decision.kind === 'refused' ? 'missing_role' : 'unknown_tool', INVALID_PARAMS);
      }
      // Refused and unknown alike, in the SDK's words: nothing tells a hidden tool from a missing one.
      return jsonAnswer(200, encodeError(fast, INVALID_PARAMS, `Tool ${fast.name} not found`));
    }
    scope.trace?.message(describe(fast, scope, fast.name));
    const result = await runTool(runner, { tool: decision.tool, input: fast.args, scope, requestSignal: () => head.signal });
    return jsonAnswer(200, encodeToolResult(fast, result));
  }

  return async function answerFast(head, message, scope) {
    const fast = classifyFastRequest(head, message, carriesEnvelope(message) ? await loadModernClassifier() : undefined);
    if (fast === undefined) return undefined;
    if (fast.method === 'tools/list') return answerToolsList(head, message, fast, scope);
    return answerToolsCall(head, fast as FastRequest & { name: string }, scope);
  };
}

/** The request as telemetry records it; `toolName` only for a tool this server serves (never a caller-typed unknown name). */
function describe(fast: FastRequest, scope: CallerScope, toolName?: string): McpMessageInfo {
  return { method: fast.method, era: fast.era, protocolVersion: fast.version, toolName, tenantId: scope.caller.tenantId };
}
