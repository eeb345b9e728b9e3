// One turn with an expert: find the caller's conversation (or start one), replay a turn already
// answered under the same turn_id, otherwise run the agent loop over the earlier turns and the
// question within the turn's time budget, with every tool call delegated under the caller, then
// store the question and the answer (with the tools used and the documents cited) in one append.
import { CONVERSATION_LIMITS, isOwnedBy, type Conversation, type MessageEntry } from '../conversations/conversation.js';
import type { ChatMessage, ChatModel, ModelToolCall } from '../azure-openai/chat-model.js';
import { ConflictError, TimeoutError } from '../errors/domain-error.js';
import type { ToolContext } from '../mcp/define-tool.js';
import { delegatedScope } from '../request/request-scope.js';
import { runAgentLoop, type AgentLoopResult } from './agent-loop.js';
import { historyMessages, turnEventIds } from './conversation-history.js';
import type { DelegatedTools, ToolUse } from './delegated-tools.js';
import { loadOwnConversation, newConversationId, ownerOf, saveTurn, storedAnswer } from './expert-conversation.js';
import { systemPrompt } from './expert-instructions.js';
import type { ExpertProfile } from './expert-profile.js';
import { modelToolOf } from './model-tools.js';
import { citedDocuments, MAX_TOOL_CALLS_PER_STEP, REFUSALS } from './tool-results.js';

export interface ExpertTurnDeps {
  chat: ChatModel;
  delegated: DelegatedTools;
  /** EXPERT_MAX_STEPS. */
  maxSteps: number;
  /** EXPERT_TIME_BUDGET_SECONDS, in milliseconds. */
  timeBudgetMs: number;
}

export interface ExpertQuestion {
  question: string;
  conversation_id?: string | undefined;
  turn_id?: string | undefined;
}

export interface ExpertAnswer {
  answer: string;
  conversation_id: string;
  turn_id: string;
  tools_used: ToolUse[];
  citations: number[];
  replayed: boolean;
}

export async function runExpertTurn(deps: ExpertTurnDeps, expert: ExpertProfile, input: ExpertQuestion, ctx: ToolContext): Promise<ExpertAnswer> {
  const owner = ownerOf(ctx.caller);
  const named = input.conversation_id === undefined ? undefined : await loadOwnConversation(ctx.conversations, input.conversation_id, owner, expert);
  const conversationId = named?.id ?? newConversationId(owner, expert, input.turn_id, ctx.newId);
  const conversation = named ?? (input.turn_id === undefined ? undefined : await retriedFirstTurn(ctx, conversationId));
  const turnId = input.turn_id ?? `t-${ctx.newId().replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60)}`;
  const done = storedAnswer(conversation, turnId);
  if (done !== undefined) return replayOf(conversation, done, input, conversationId, turnId);

  const offered = deps.delegated.offeredTo(expert, ctx.caller);
  const history = historyMessages(conversation);
  const messages: ChatMessage[] = [
    { role: 'system', content: systemPrompt(expert, offered.map((tool) => tool.name), ctx.clock.now().toISOString().slice(0, 10)) },
    ...history.messages,
    { role: 'user', content: input.question },
  ];
  const scope = delegatedScope(ctx.scope, expert.toolName);
  const uses: ToolUse[] = [];
  const retrieved = new Set<number>();
  let callIndex = 0;
  const budget = AbortSignal.timeout(deps.timeBudgetMs);
  const signal = AbortSignal.any([ctx.signal, budget]);

  async function runStepTools(calls: readonly ModelToolCall[]): Promise<ChatMessage[]> {
    const first = callIndex;
    callIndex += calls.length;
    const results = await Promise.all(
      calls.map((call, i) =>
        i < MAX_TOOL_CALLS_PER_STEP
          ? deps.delegated.call({ expert, scope, call, callIndex: first + i, conversationId, turnId, signal })
          : Promise.resolve({
              message: { role: 'tool', tool_call_id: call.id, content: REFUSALS.tooMany(call.name.slice(0, 64), MAX_TOOL_CALLS_PER_STEP) } as const,
              use: { name: call.name.slice(0, 64), ids: [], outcome: 'not_run' },
              documentIds: [],
            }),
      ),
    );
    for (const result of results) {
      uses.push(result.use);
      for (const id of result.documentIds) retrieved.add(id);
    }
    return results.map((result) => result.message);
  }

  let result: AgentLoopResult;
  try {
    result = await runAgentLoop({ model: deps.chat, messages, tools: offered.map(modelToolOf), maxSteps: deps.maxSteps, signal, runTools: runStepTools, onStep: (step, total, message) => ctx.progress(step, total, `step ${step}: ${message}`) });
  } catch (error) {
    if (budget.aborted && !ctx.signal.aborted) {
      const budgetText = deps.timeBudgetMs % 1000 === 0 ? `${deps.timeBudgetMs / 1000} s` : `${deps.timeBudgetMs} ms`;
      throw new TimeoutError(`${expert.toolName} did not answer within its ${budgetText} time budget (${uses.length} tool calls made); ask a narrower question or retry with the same turn_id`, {}, { cause: error });
    }
    throw error;
  }
  const answer = (result.answer ?? fallbackAnswer(expert, result, deps.maxSteps)).slice(0, CONVERSATION_LIMITS.maxContentChars);
  const citations = citedDocuments(answer, retrieved);
  const at = ctx.clock.now().toISOString();
  const ids = turnEventIds(turnId);
  const saved = await saveTurn(ctx.conversations, {
    conversationId,
    exists: conversation !== undefined,
    owner,
    expert,
    question: { type: 'message', event_id: ids.question, role: 'user', content: input.question, at },
    answer: { type: 'message', event_id: ids.answer, role: 'assistant', content: answer, at, tools_used: uses, citations: citations.map(String) },
  });
  ctx.logger.info('expert turn', {
    expert: expert.topic,
    conversationId,
    steps: result.steps,
    toolCalls: uses.length,
    promptTokens: result.tokens.prompt,
    completionTokens: result.tokens.completion,
    droppedTurns: history.droppedTurns,
  });
  return answerOf(saved.answer, conversationId, turnId, saved.replayed);
}

/** The conversation a first turn sent with this turn_id created, if an earlier attempt stored it. */
async function retriedFirstTurn(ctx: ToolContext, conversationId: string): Promise<Conversation | undefined> {
  const found = await ctx.conversations.get(conversationId);
  return found !== undefined && found.kind === 'expert' && isOwnedBy(found, ownerOf(ctx.caller)) ? found : undefined;
}

function replayOf(conversation: Conversation | undefined, answer: MessageEntry, input: ExpertQuestion, conversationId: string, turnId: string): ExpertAnswer {
  const question = conversation?.entries.find((entry) => entry.type === 'message' && entry.event_id === turnEventIds(turnId).question);
  if (question !== undefined && question.content !== input.question) {
    throw new ConflictError(`turn_id ${turnId} was already used for another question in this conversation; use a new turn_id`, { field: 'turn_id' });
  }
  return answerOf(answer, conversationId, turnId, true);
}

function answerOf(entry: MessageEntry, conversationId: string, turnId: string, replayed: boolean): ExpertAnswer {
  return {
    answer: entry.content,
    conversation_id: conversationId,
    turn_id: turnId,
    tools_used: entry.tools_used ?? [],
    citations: (entry.citations ?? []).map(Number).filter(Number.isSafeInteger),
    replayed,
  };
}

function fallbackAnswer(expert: ExpertProfile, result: AgentLoopResult, maxSteps: number): string {
  return result.reachedStepLimit
    ? `The ${expert.topic} expert used all ${maxSteps} steps without reaching an answer. The tools it used are listed in tools_used; ask a narrower question.`
    : `The ${expert.topic} expert gave no answer (the model returned no text). Ask again, or rephrase the question.`;
}
