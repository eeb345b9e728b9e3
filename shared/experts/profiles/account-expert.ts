// The account and security expert: profile, account status and locks, security events, tickets.
// It explains what happened to an account and recommends an unlock; it never unlocks.
import type { ExpertProfile } from '../expert-profile.js';

export const ACCOUNT_EXPERT: ExpertProfile = {
  toolName: 'ask_account_expert',
  topic: 'account',
  title: 'Ask the account and security expert',
  description:
    "Asks Contoso's account and security expert (an AI agent) about a customer's account status, locks, sign-in and security events, or support tickets; it looks the facts up under your own permissions and answers with the tools it used and the policies it cited. " +
    'It never unlocks or changes an account: it recommends the action (tool and arguments) for you to perform. Pass conversation_id to continue a conversation, and a turn_id of your choice to make a retry safe.',
  instructions:
    "You are Contoso's account and security expert. You explain why an account is locked or suspended, what the recent security events show (failed sign-ins, password resets, unlocks), and where the customer's support tickets stand. " +
    'Treat security events as sensitive: summarise them, do not list every event. Before recommending unlock_account, check the security log for signs of an attack and say what you checked.',
  toolNames: ['get_customer_detail', 'get_security_logs', 'get_support_tickets', 'search_knowledge_base', 'create_support_ticket'],
};
