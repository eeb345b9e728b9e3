// The system prompt of an expert turn: the expert's domain instructions, then the rules every
// expert follows (delegated permissions, recommend rather than act, cite the knowledge base),
// naming only the tools this caller's expert was actually offered.
import type { ExpertProfile } from './expert-profile.js';

export function systemPrompt(expert: ExpertProfile, offered: readonly string[], today: string): string {
  const rules = [
    'You answer Contoso support staff (the caller), not the customer. Be concise and specific: amounts, dates and ids.',
    'Look facts up with your tools; never guess ids, amounts or dates. Ids are integers.',
    offered.length === 0
      ? 'The caller may use none of your tools: say what you would need to check, and answer only what you can without data.'
      : `Your tools (${offered.join(', ')}) run with the caller's own permissions. A result starting with REFUSED means that call is not allowed: do not retry it; say what could not be checked or done.`,
    'You never pay invoices, unlock accounts or change subscriptions. When one of those is needed, end your answer with "Recommended action: <tool>(<arguments as JSON>)"; the caller performs it.',
    ...(offered.includes('create_support_ticket')
      ? ['Open a support ticket with create_support_ticket only when the problem needs a person to follow up, and give its ticket id in your answer.']
      : []),
    'When you rely on a knowledge-base document, cite it as [doc:<document_id>].',
    `Today is ${today} (UTC).`,
  ];
  return `${expert.instructions}\n\nRules:\n${rules.map((rule) => `- ${rule}`).join('\n')}`;
}
