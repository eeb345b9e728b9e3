// The agent loop we own: ask the model, run the tool calls it makes (in parallel, through the
// delegated dispatch), give it the results, and repeat until it answers in text, within a fixed
// number of steps. The last step offers no tools, so the model must answer with what it has. The
// caller's signal carries the time budget: when it aborts, the loop stops with its reason.
import type { ChatMessage, ChatModel, ModelTool, ModelToolCall } from '../azure-openai/chat-model.js';

export interface AgentLoopOptions {
  model: ChatModel;
  /** The system prompt, the earlier turns and the question. */
  messages: readonly ChatMessage[];
  tools: readonly ModelTool[];
  /** Model calls at most (EXPERT_MAX_STEPS). */
  maxSteps: number;
  /** Aborts on the turn's time budget or the request's cancellation. */
  signal: AbortSignal;
  /** Runs one step's tool calls and returns one tool message per call, in order. */
  runTools(calls: readonly ModelToolCall[]): Promise<ChatMessage[]>;
  /** Told after each model call what the step does (progress notifications). */
  onStep(step: number, maxSteps: number, message: string): Promise<void>;
}

export interface AgentLoopResult {
  /** The model's answer; undefined when it gave no text. */
  answer: string | undefined;
  /** Model calls made. */
  steps: number;
  /** The loop used every step (the last one without tools). */
  reachedStepLimit: boolean;
  tokens: { prompt: number; completion: number };
}

export async function runAgentLoop(options: AgentLoopOptions): Promise<AgentLoopResult> {
  const messages = [...options.messages];
  const tokens = { prompt: 0, completion: 0 };
  for (let step = 1; step <= options.maxSteps; step += 1) {
    options.signal.throwIfAborted();
    const last = step === options.maxSteps;
    const reply = await options.model.complete({ messages, tools: options.tools, allowTools: !last && options.tools.length > 0 }, options.signal);
    tokens.prompt += reply.usage?.promptTokens ?? 0;
    tokens.completion += reply.usage?.completionTokens ?? 0;
    const text = reply.content?.trim() || undefined;
    if (reply.toolCalls.length === 0 || last) {
      await options.onStep(step, options.maxSteps, 'answering');
      return { answer: text, steps: step, reachedStepLimit: last && reply.toolCalls.length > 0, tokens };
    }
    await options.onStep(step, options.maxSteps, `calling ${[...new Set(reply.toolCalls.map((call) => call.name.slice(0, 64)))].join(', ')}`);
    messages.push({ role: 'assistant', content: reply.content, tool_calls: reply.toolCalls });
    messages.push(...(await options.runTools(reply.toolCalls)));
  }
  return { answer: undefined, steps: options.maxSteps, reachedStepLimit: true, tokens };
}
