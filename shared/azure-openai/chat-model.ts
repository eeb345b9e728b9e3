// The chat model port the expert agent loop talks to: one chat-completions round with tools.
// azure-openai-chat.ts implements it with the openai package; the loop and its tests know
// nothing of the SDK. Messages use the chat-completions wire shape (snake_case tool calls).

/** A function call the model asked for; `arguments` is the model's raw JSON text (may be malformed). */
export interface ModelToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

export type ChatMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string | null; readonly tool_calls?: readonly ModelToolCall[] }
  | { readonly role: 'tool'; readonly tool_call_id: string; readonly content: string };

/** A tool offered to the model: its name, description and JSON Schema parameters. */
export interface ModelTool {
  readonly name: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  readonly tools: readonly ModelTool[];
  /** false: the model must answer in text (tool_choice none), e.g. on the last step. */
  readonly allowTools: boolean;
}

export interface ChatReply {
  /** The text of the reply; null when the model only called tools (or was filtered). */
  readonly content: string | null;
  readonly toolCalls: readonly ModelToolCall[];
  /** Why the model stopped: `stop`, `tool_calls`, `length`, `content_filter` … */
  readonly finishReason: string | null;
  readonly usage: { readonly promptTokens: number; readonly completionTokens: number } | undefined;
}

export interface ChatModel {
  /** One completion. UnavailableError when the endpoint fails or its breaker is open. */
  complete(request: ChatRequest, signal: AbortSignal): Promise<ChatReply>;
}
