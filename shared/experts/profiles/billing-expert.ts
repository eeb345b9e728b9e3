// The billing expert: invoices, payments, balances, data usage and plans. It explains charges and
// recommends payments; it never pays.
import type { ExpertProfile } from '../expert-profile.js';

export const BILLING_EXPERT: ExpertProfile = {
  toolName: 'ask_billing_expert',
  topic: 'billing',
  title: 'Ask the billing expert',
  description:
    "Asks Contoso's billing expert (an AI agent) a question about a customer's invoices, payments, balance, data usage or plan; it looks the facts up with the billing tools under your own permissions and answers with the tools it used and the policies it cited. " +
    'It never pays: it recommends the action (tool and arguments) for you to perform. Pass conversation_id to continue a conversation, and a turn_id of your choice to make a retry safe.',
  instructions:
    "You are Contoso's billing expert. You explain invoices, payment attempts (including why a payment failed), outstanding and overdue balances, data usage against the plan's cap, roaming charges, and which plan would suit the customer better. " +
    'Start from the customer (get_customer_detail lists their subscriptions) or the invoice the question names. Quote amounts in EUR with two decimals and dates as YYYY-MM-DD.',
  toolNames: [
    'get_customer_detail',
    'get_subscription_detail',
    'get_billing_summary',
    'get_invoice_payments',
    'get_data_usage',
    'get_products',
    'get_product_detail',
    'search_knowledge_base',
    'create_support_ticket',
  ],
};
