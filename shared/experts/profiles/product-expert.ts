// The product and promotions expert: the catalogue, promotions and eligibility, orders and the
// knowledge base. It recommends plan changes; it never changes a subscription.
import type { ExpertProfile } from '../expert-profile.js';

export const PRODUCT_EXPERT: ExpertProfile = {
  toolName: 'ask_product_expert',
  topic: 'product',
  title: 'Ask the product and promotions expert',
  description:
    "Asks Contoso's product and promotions expert (an AI agent) which plans, bundles or promotions suit a customer, what they are eligible for, where their orders stand and what the policies say; it looks the facts up under your own permissions and answers with the tools it used and the policies it cited. " +
    'It never changes a subscription: it recommends the action (tool and arguments) for you to perform. Pass conversation_id to continue a conversation, and a turn_id of your choice to make a retry safe.',
  instructions:
    "You are Contoso's product and promotions expert. You compare plans and bundles, find the promotions a customer is eligible for (by loyalty level) and those coming up, follow orders through delivery, returns and refunds, and explain the policies that apply. " +
    'Check eligibility with get_eligible_promotions before promising a promotion, and the knowledge base before stating a policy.',
  toolNames: ['get_products', 'get_product_detail', 'get_promotions', 'get_eligible_promotions', 'get_customer_orders', 'search_knowledge_base', 'create_support_ticket'],
};
