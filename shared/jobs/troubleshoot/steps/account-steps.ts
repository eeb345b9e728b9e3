// Steps 1–2: the subscription is the customer's and in service, and nothing on the account or the
// bill blocks the service (a locked account, a suspended line, money overdue).
import { overdueAmount } from '../../../domain/billing/billing-rules.js';
import type { Finding } from '../troubleshoot-job.js';
import { dayOf, finding, loadSubject, type StepContext } from './step-context.js';

export async function verifySubscription(ctx: StepContext): Promise<Finding> {
  const { customer, subscription, product } = await loadSubject(ctx);
  const facts = {
    customer: `${customer.firstName} ${customer.lastName}`,
    city: customer.city,
    product: product.name,
    category: product.category,
    status: subscription.status,
    service_status: subscription.serviceStatus,
    service_identifier: subscription.serviceIdentifier,
  };
  if (subscription.customerId !== customer.customerId) {
    return finding('verify_subscription', 'Subscription', 'problem', `Subscription ${subscription.subscriptionId} belongs to another customer`, facts);
  }
  const summary = `${product.name} (${product.category}) for ${customer.firstName} ${customer.lastName} in ${customer.city}: status ${subscription.status}, service ${subscription.serviceStatus}`;
  return finding('verify_subscription', 'Subscription', subscription.serviceStatus === 'normal' ? 'ok' : 'problem', summary, facts);
}

export async function accountAndBilling(ctx: StepContext): Promise<Finding> {
  const { customer, subscription } = await loadSubject(ctx);
  const invoices = (await ctx.store.billing.listInvoicesWithPayments(customer.customerId)).filter((entry) => entry.invoice.subscriptionId === subscription.subscriptionId);
  const overdue = overdueAmount(invoices, dayOf(ctx));
  const facts = { account_status: customer.accountStatus, subscription_status: subscription.status, overdue_eur: overdue };
  const problems = [
    ...(customer.accountStatus === 'locked' ? ['the account is locked'] : []),
    ...(subscription.status === 'suspended' ? [`the line is suspended${overdue > 0 ? ` with EUR ${overdue.toFixed(2)} overdue` : ''}`] : []),
    ...(subscription.status === 'cancelled' ? ['the subscription is cancelled'] : []),
  ];
  if (problems.length === 0) return finding('account_and_billing', 'Account and billing', overdue > 0 ? 'info' : 'ok', overdue > 0 ? `EUR ${overdue.toFixed(2)} overdue, service not affected yet` : 'Account active, nothing overdue', facts);
  return finding('account_and_billing', 'Account and billing', 'problem', `Service blocked: ${problems.join('; ')}`, facts);
}
