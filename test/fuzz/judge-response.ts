// Classifies what the server answered to a fuzz case and checks it against the case's
// expectation. Always a finding: a 5xx, no answer in time, a 200 that is not JSON-RPC, a
// JSON-RPC internal error, or a tool error whose code says the server itself failed.
import { parseMessages } from '../support/mcp-clients.js';
import type { FuzzCase, Outcome } from './corpus/fuzz-case.js';
import type { Answer } from './send-case.js';

/** Tool error codes that mean the server failed, not the request: a 500 in disguise. */
const SERVER_FAULT_CODES = new Set(['INTERNAL', 'UNAVAILABLE', 'TIMEOUT']);
const JSON_RPC_INTERNAL_ERROR = -32603;

export interface Verdict {
  /** The outcomes seen (one per JSON-RPC response in the body), for the run's statistics. */
  outcomes: Outcome[];
  /** What is wrong, or undefined when the answer is acceptable. */
  problem?: string;
}

export function judge(fuzzCase: FuzzCase, answer: Answer): Verdict {
  switch (answer.kind) {
    case 'timeout':
      return { outcomes: [], problem: 'no answer within the hang limit' };
    case 'unsendable':
      return { outcomes: [], problem: `the corpus built a request the client cannot send: ${answer.detail}` };
    case 'closed':
      return allowed(fuzzCase, ['closed'], `connection closed without an answer (${answer.detail})`);
  }
  const { status } = answer;
  if (status >= 500) return { outcomes: [], problem: `HTTP ${status}: ${answer.body.slice(0, 200)}` };
  if (status >= 400) {
    const { statuses } = fuzzCase.expect;
    if (statuses && !statuses.includes(status)) return { outcomes: ['status4xx'], problem: `HTTP ${status}, expected ${statuses.join('/')}` };
    return allowed(fuzzCase, ['status4xx'], `HTTP ${status}`);
  }
  if ((status === 202 || status === 204) && answer.body.trim() === '') return allowed(fuzzCase, ['accepted'], `HTTP ${status}`);
  if (status !== 200) return { outcomes: [], problem: `unexpected HTTP ${status}` };
  let messages: unknown[];
  try {
    messages = parseMessages(answer.contentType, answer.body);
  } catch {
    return { outcomes: [], problem: `200 with a body that is not JSON-RPC: ${answer.body.slice(0, 120)}` };
  }
  const responses = messages.flat().filter((message): message is Record<string, unknown> => message !== null && typeof message === 'object' && ('result' in message || 'error' in message));
  if (responses.length === 0) return { outcomes: [], problem: `200 without a JSON-RPC response: ${answer.body.slice(0, 120)}` };
  const outcomes: Outcome[] = [];
  for (const response of responses) {
    const classified = classify(response, fuzzCase);
    if (classified.problem) return { outcomes, problem: classified.problem };
    outcomes.push(classified.outcome);
  }
  return allowed(fuzzCase, outcomes, `answered ${outcomes.join(', ')}: ${answer.body.slice(0, 160)}`);
}

function allowed(fuzzCase: FuzzCase, outcomes: Outcome[], description: string): Verdict {
  const wrong = outcomes.find((outcome) => !fuzzCase.expect.allow.includes(outcome));
  return wrong === undefined ? { outcomes } : { outcomes, problem: `${description}; allowed: ${fuzzCase.expect.allow.join(', ')}` };
}

function classify(response: Record<string, unknown>, fuzzCase: FuzzCase): { outcome: Outcome; problem?: string } {
  if ('error' in response) {
    const error = response.error as { code?: unknown; message?: unknown } | null;
    if (error?.code === JSON_RPC_INTERNAL_ERROR) return { outcome: 'rpcError', problem: `JSON-RPC internal error: ${String(error.message).slice(0, 160)}` };
    return { outcome: 'rpcError' };
  }
  const result = response.result as Record<string, unknown> | null;
  if (result?.isError === true) {
    const code = toolErrorCode(result);
    if (code !== undefined && SERVER_FAULT_CODES.has(code)) return { outcome: 'toolError', problem: `tool error ${code}: ${JSON.stringify(result.content).slice(0, 160)}` };
    return { outcome: 'toolError' };
  }
  const structured = result?.structuredContent;
  if (fuzzCase.resultCheck && structured !== null && typeof structured === 'object') {
    const problem = fuzzCase.resultCheck(structured as Record<string, unknown>);
    if (problem) return { outcome: 'result', problem };
  }
  return { outcome: 'result' };
}

/** The Contoso error code of a tool error (`_meta['contoso/error'].code`, else the text prefix). */
function toolErrorCode(result: Record<string, unknown>): string | undefined {
  const meta = result._meta as Record<string, { code?: unknown }> | undefined;
  const code = meta?.['contoso/error']?.code;
  if (typeof code === 'string') return code;
  const content = result.content as Array<{ text?: unknown }> | undefined;
  const text = content?.[0]?.text;
  return typeof text === 'string' ? /^([A-Z_]+):/.exec(text)?.[1] : undefined;
}
