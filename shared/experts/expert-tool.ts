// An expert as an MCP tool: `{ question, conversation_id?, turn_id? }` in, the answer with its
// conversation, the tools it used and the documents it cited out. Any caller with the read role
// may ask; what the expert can look up is still bounded by the caller's own roles (delegated-tools.ts).
// Not read-only (it may open a ticket), so every call is audited; open-world (it asks a model).
import * as z from 'zod';
import { conversationIdSchema } from '../conversations/conversation.js';
import { ROLES } from '../identity/principal.js';
import { defineTool, type AnyTool } from '../mcp/define-tool.js';
import type { ExpertProfile } from './expert-profile.js';
import { runExpertTurn, type ExpertTurnDeps } from './expert-turn.js';

/** Time an expert tool keeps after its turn budget, to store the turn and answer. */
export const EXPERT_SAVE_MARGIN_MS = 10_000;

const TURN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const expertInputSchema = z.object({
  question: z.string().trim().min(3).max(4000).describe('The question, in plain words, with the customer, invoice or order ids you know'),
  conversation_id: conversationIdSchema.optional().describe('Continue this conversation (returned by an earlier answer); omit to start a new one'),
  turn_id: z
    .string()
    .regex(TURN_ID, 'a turn id is 1-64 letters, digits, "-", "_" or ".", starting with a letter or digit')
    .optional()
    .describe('An id you choose for this question: retrying with the same turn_id returns the stored answer and repeats no write'),
});

export const expertOutputSchema = z.object({
  answer: z.string(),
  conversation_id: z.string().describe('Pass it back to continue the conversation'),
  turn_id: z.string(),
  tools_used: z.array(
    z.object({
      name: z.string(),
      ids: z.array(z.string()).describe('The id arguments passed, as name=value'),
      outcome: z.string().describe('ok, replayed, an error code, refused (the caller may not), not_available, malformed_arguments or not_run'),
    }),
  ),
  citations: z.array(z.number().int()).describe('Knowledge-base document ids the answer relies on'),
  replayed: z.boolean().describe('true: this turn_id was answered before and the stored answer is returned'),
});

export function expertTool(expert: ExpertProfile, deps: ExpertTurnDeps): AnyTool {
  return defineTool({
    name: expert.toolName,
    title: expert.title,
    description: expert.description,
    input: expertInputSchema,
    output: expertOutputSchema,
    roles: [ROLES.read],
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    timeoutMs: deps.timeBudgetMs + EXPERT_SAVE_MARGIN_MS,
    handler: (input, ctx) => runExpertTurn(deps, expert, input, ctx),
    summarize: (r) => {
      const tools = r.tools_used.length === 0 ? 'no tools' : r.tools_used.map((use) => `${use.name} ${use.outcome}`).join(', ');
      const cited = r.citations.length === 0 ? '' : `; cites documents ${r.citations.join(', ')}`;
      return `${r.answer}\n\n(${r.replayed ? 'stored answer; ' : ''}${tools}${cited}; conversation ${r.conversation_id})`;
    },
  });
}
