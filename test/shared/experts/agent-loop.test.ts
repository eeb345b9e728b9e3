// The agent loop against a fake ChatModel: it stops at the first text answer, runs each step's
// calls and feeds the results back, takes tools away on the last step, reports each step, and
// stops with the signal's reason once it aborts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatModel, ChatReply, ChatRequest } from '../../../shared/azure-openai/chat-model.js';
import { runAgentLoop } from '../../../shared/experts/agent-loop.js';

const tools = [{ name: 'get_products', description: 'products', parameters: { type: 'object' } }];
const toolReply = (id: string): ChatReply => ({ content: null, toolCalls: [{ id, name: 'get_products', arguments: '{}' }], finishReason: 'tool_calls', usage: { promptTokens: 10, completionTokens: 1 } });
const textReply = (text: string): ChatReply => ({ content: text, toolCalls: [], finishReason: 'stop', usage: { promptTokens: 10, completionTokens: 2 } });

function scripted(replies: ChatReply[]): ChatModel & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    requests,
    complete: (request) => {
      requests.push({ ...request, messages: [...request.messages] });
      return Promise.resolve(replies.shift() ?? textReply('done'));
    },
  };
}

describe('agent loop', () => {
  it('runs the tool calls, feeds the results back and returns the text answer with the tokens spent', async () => {
    const model = scripted([toolReply('a'), textReply('  the answer  ')]);
    const steps: string[] = [];
    const result = await runAgentLoop({
      model,
      messages: [{ role: 'user', content: 'q' }],
      tools,
      maxSteps: 5,
      signal: new AbortController().signal,
      runTools: (calls) => Promise.resolve(calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: 'result' }))),
      onStep: (step, total, message) => Promise.resolve(void steps.push(`${step}/${total} ${message}`)),
    });
    assert.deepEqual(result, { answer: 'the answer', steps: 2, reachedStepLimit: false, tokens: { prompt: 20, completion: 3 } });
    assert.deepEqual(steps, ['1/5 calling get_products', '2/5 answering']);
    assert.deepEqual(model.requests[1]?.messages.map((m) => m.role), ['user', 'assistant', 'tool']);
  });

  it('offers no tools on the last step and reports the step limit when the model still calls tools', async () => {
    const model = scripted([toolReply('a'), toolReply('b'), toolReply('c')]);
    const result = await runAgentLoop({ model, messages: [], tools, maxSteps: 3, signal: new AbortController().signal, runTools: () => Promise.resolve([]), onStep: () => Promise.resolve() });
    assert.deepEqual(model.requests.map((r) => r.allowTools), [true, true, false]);
    assert.equal(result.reachedStepLimit, true);
    assert.equal(result.answer, undefined);
  });

  it('offers no tools at all when the caller may use none', async () => {
    const model = scripted([textReply('ok')]);
    await runAgentLoop({ model, messages: [], tools: [], maxSteps: 3, signal: new AbortController().signal, runTools: () => Promise.resolve([]), onStep: () => Promise.resolve() });
    assert.equal(model.requests[0]?.allowTools, false);
  });

  it('stops with the signal reason once the signal aborts between steps', async () => {
    const controller = new AbortController();
    const model = scripted([toolReply('a'), textReply('never')]);
    const reason = new Error('budget');
    await assert.rejects(
      runAgentLoop({ model, messages: [], tools, maxSteps: 3, signal: controller.signal, runTools: () => Promise.resolve(void controller.abort(reason)).then(() => []), onStep: () => Promise.resolve() }),
      (error) => error === reason,
    );
    assert.equal(model.requests.length, 1);
  });
});
