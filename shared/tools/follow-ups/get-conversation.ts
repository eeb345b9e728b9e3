// get_conversation: a conversation (scheduled follow-ups and what the scheduler reported, or an
// expert's turns) to the caller who created it, and to the security role; "not found" to anyone else.
import * as z from 'zod';
import { conversationIdSchema, conversationSchema } from '../../conversations/conversation.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { READ_ONLY } from '../common/schemas.js';

const conversationView = conversationSchema.omit({ schema_version: true, owner: true });

export const getConversation = defineTool({
  name: 'get_conversation',
  title: 'Read a conversation',
  description: 'Returns one of your conversations: its customer, and its entries in order (follow-ups scheduled and what the scheduler reported, or expert turns).',
  input: z.object({ conversation_id: conversationIdSchema }),
  output: z.object({ conversation: conversationView }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    const { schema_version: _version, owner: _owner, ...view } = await ctx.followUps.read(ctx.scope, input.conversation_id);
    return { conversation: view };
  },
  summarize: (r) => {
    const last = r.conversation.entries.at(-1);
    const lastLine = last === undefined ? 'no entries yet' : last.type === 'follow_up' ? `last: ${last.status} at ${last.received_at}` : `last: ${last.role} at ${last.at}`;
    return `Conversation ${r.conversation.id} (${r.conversation.kind}, customer ${r.conversation.customer_id ?? 'none'}): ${r.conversation.entries.length} entries, ${lastLine}.`;
  },
});
