// The ChatModel adapter on Azure OpenAI chat completions (the openai package's AzureOpenAI client,
// loaded on first use). Every call runs under the model-call policy, which sees the SDK's own
// errors (status, Retry-After) and retries the transient ones; what comes out is mapped after it.
// An abort by the caller (the turn's time budget, a cancelled request) is the caller's, not an
// endpoint failure, and is rethrown as the caller's reason. Tool calls of other kinds are dropped.
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { LoadedOpenAi } from './azure-openai-client.js';
import type { ChatMessage, ChatModel, ChatReply, ChatRequest } from './chat-model.js';
import type { ModelCallPolicy } from './model-call-policy.js';
import { fromOpenAiError } from './openai-errors.js';

export interface AzureOpenAiChatOptions {
  load: () => Promise<LoadedOpenAi>;
  deployment: string;
  policy: ModelCallPolicy;
}

export function createAzureOpenAiChat(options: AzureOpenAiChatOptions): ChatModel {
  const what = `chat deployment "${options.deployment}"`;
  return {
    async complete(request, signal) {
      const { client, sdk } = await options.load();
      const body = requestBody(options.deployment, request);
      try {
        const completion = await options.policy.execute(
          function callChatCompletions(attemptSignal) {
            return client.chat.completions.create(body, { signal: AbortSignal.any([signal, attemptSignal]) });
          },
          { signal },
        );
        return replyOf(completion);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw fromOpenAiError(error, sdk, what);
      }
    },
  };
}

/** The request body: the deployment as `model` (the client puts it in the path), tools when offered. */
export function requestBody(deployment: string, request: ChatRequest): ChatCompletionCreateParamsNonStreaming {
  const body: ChatCompletionCreateParamsNonStreaming = { model: deployment, messages: request.messages.map(toWire) };
  if (request.tools.length === 0) return body;
  return {
    ...body,
    tools: request.tools.map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: { ...tool.parameters } } })),
    tool_choice: request.allowTools ? 'auto' : 'none',
    parallel_tool_calls: true,
  };
}

function toWire(message: ChatMessage): ChatCompletionMessageParam {
  if (message.role !== 'assistant' || message.tool_calls === undefined || message.tool_calls.length === 0) {
    return message.role === 'assistant' ? { role: 'assistant', content: message.content } : { ...message };
  }
  return {
    role: 'assistant',
    content: message.content,
    tool_calls: message.tool_calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })),
  };
}

function replyOf(completion: ChatCompletion): ChatReply {
  const choice = completion.choices[0];
  const usage = completion.usage ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens } : undefined;
  if (choice === undefined) return { content: null, toolCalls: [], finishReason: null, usage };
  const toolCalls = (choice.message.tool_calls ?? []).flatMap((call) =>
    call.type === 'function' ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }] : [],
  );
  return { content: choice.message.content ?? null, toolCalls, finishReason: choice.finish_reason ?? null, usage };
}
