// The tool registry: every Contoso tool, once. The only barrel in the codebase; the README's
// tool table and the e2e tests follow this list.
import type { AnyTool } from '../mcp/define-tool.js';
import { getBillingSummary } from './billing/get-billing-summary.js';
import { getInvoicePayments } from './billing/get-invoice-payments.js';
import { payInvoice } from './billing/pay-invoice.js';
import { getAllCustomers } from './customers/get-all-customers.js';
import { getCustomerDetail } from './customers/get-customer-detail.js';
import { searchKnowledgeBase } from './knowledge/search-knowledge-base.js';
import { getCustomerOrders } from './orders/get-customer-orders.js';
import { getProductDetail } from './products/get-product-detail.js';
import { getProducts } from './products/get-products.js';
import { getConversation } from './follow-ups/get-conversation.js';
import { scheduleFollowUp } from './follow-ups/schedule-follow-up.js';
import { getEligiblePromotions } from './promotions/get-eligible-promotions.js';
import { getPromotions } from './promotions/get-promotions.js';
import { getSecurityLogs } from './security/get-security-logs.js';
import { unlockAccount } from './security/unlock-account.js';
import { getSubscriptionDetail } from './subscriptions/get-subscription-detail.js';
import { updateSubscription } from './subscriptions/update-subscription.js';
import { createSupportTicket } from './support/create-support-ticket.js';
import { getSupportTickets } from './support/get-support-tickets.js';
import { cancelTroubleshoot } from './troubleshoot/cancel-troubleshoot.js';
import { getTroubleshootResult } from './troubleshoot/get-troubleshoot-result.js';
import { troubleShootDevice } from './troubleshoot/trouble-shoot-device.js';
import { getDataUsage } from './usage/get-data-usage.js';

export const CONTOSO_TOOLS: readonly AnyTool[] = [
  getAllCustomers,
  getCustomerDetail,
  getSubscriptionDetail,
  getProducts,
  getProductDetail,
  getInvoicePayments,
  payInvoice,
  getBillingSummary,
  getDataUsage,
  updateSubscription,
  getPromotions,
  getEligiblePromotions,
  getCustomerOrders,
  getSupportTickets,
  createSupportTicket,
  searchKnowledgeBase,
  getSecurityLogs,
  unlockAccount,
  troubleShootDevice,
  getTroubleshootResult,
  cancelTroubleshoot,
  scheduleFollowUp,
  getConversation,
];
