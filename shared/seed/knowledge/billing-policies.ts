// Knowledge-base policies about money: data overage and retroactive upgrades, late payment and
// suspension, hardship payment plans, and autopay. Figures come from policy-terms.ts, the same
// constants the seeded invoices and payments follow.
import type { KnowledgeDocument } from '../../domain/knowledge/knowledge-document.js';
import {
  DATA_OVERAGE_EUR_PER_GB,
  DIRECT_DEBIT_RETRY_DAYS,
  HARDSHIP_MAX_INSTALMENTS,
  LATE_FEE_AFTER_OVERDUE_DAYS,
  LATE_PAYMENT_FEE_EUR,
  PAYMENT_TERM_DAYS,
  REINSTATEMENT_HOURS,
  RETROACTIVE_UPGRADE_DAYS,
  SUSPEND_AFTER_OVERDUE_DAYS,
} from '../policy-terms.js';

const eur = (amount: number): string => `EUR ${amount.toFixed(2)}`;

export const BILLING_POLICIES: readonly KnowledgeDocument[] = [
  {
    documentId: 1,
    slug: 'data-overage-charges',
    title: 'Data overage charges and the retroactive plan upgrade',
    category: 'billing',
    tags: ['billing', 'overage', 'data cap', 'allowance', 'upgrade', 'bill shock'],
    content: `Every mobile plan and the Home 4G Router include a monthly data allowance (the data cap). Data used above the cap within a billing period is charged as data overage at ${eur(DATA_OVERAGE_EUR_PER_GB)} per GB over the cap, counted in whole gigabytes and rounded up: 2.3 GB over the cap is billed as 3 GB. Overage appears as a separate "Data overage" line on the invoice for the period in which the data was used. Data used while roaming in the EU counts towards the same allowance.

Customers receive a text message at 80% and at 100% of their allowance. Overage is not capped automatically, so a customer who keeps streaming after the 100% alert can receive a bill many times higher than usual (bill shock).

Retroactive plan upgrade: if the customer upgrades to a plan with a larger allowance within ${RETROACTIVE_UPGRADE_DAYS} days of the invoice date, Contoso re-rates that billing period on the new plan. The overage is recalculated against the new plan's allowance (on Mobile Unlimited there is none), the overage charged before is credited, and the difference in monthly fee between the two plans is charged instead; the credit and the charge appear on the next invoice. The retroactive upgrade is available once per subscription in any 12 months. After ${RETROACTIVE_UPGRADE_DAYS} days the overage stands, and an upgrade applies from the change date only.

When explaining an overage charge, compare the period's daily data usage with the cap, state the GB billed and the rate, and offer the retroactive upgrade if it is still within the window and would save the customer money.`,
  },
  {
    documentId: 2,
    slug: 'late-payment-and-suspension',
    title: 'Late payment, service suspension and reinstatement',
    category: 'billing',
    tags: ['billing', 'overdue', 'late fee', 'suspension', 'suspended', 'reinstatement', 'arrears'],
    content: `Invoices are due ${PAYMENT_TERM_DAYS} days after the invoice date. An invoice that is not paid in full by its due date is overdue. The customer receives a reminder on the day after the due date. If the invoice is still unpaid ${LATE_FEE_AFTER_OVERDUE_DAYS} days after the due date, a late-payment fee of ${eur(LATE_PAYMENT_FEE_EUR)} is added to the next invoice.

If an invoice is still unpaid ${SUSPEND_AFTER_OVERDUE_DAYS} days after its due date, the subscription it belongs to is suspended: the subscription status and the service status both become "suspended", outgoing calls, data and TV stop, and emergency calls keep working. While a subscription is suspended no new monthly invoices are issued for it and the plan fee for the suspended days is not charged.

Reinstatement: once the overdue balance of the suspended subscription is paid in full, service is reinstated automatically within ${REINSTATEMENT_HOURS} hours of the payment being confirmed. Agents can take the payment with pay_invoice on the customer's behalf. The late-payment fee appears on the first invoice after reinstatement. Failed payment attempts (declined cards, failed direct debits) do not count as payment and do not stop suspension.

If the customer cannot pay the whole overdue balance, offer a hardship payment plan instead of leaving the service suspended. Accounts unpaid for 90 days are passed to collections and the subscription is cancelled.`,
  },
  {
    documentId: 3,
    slug: 'hardship-payment-plans',
    title: 'Hardship payment plans',
    category: 'billing',
    tags: ['billing', 'hardship', 'instalments', 'payment plan', 'financial difficulty'],
    content: `Customers in financial difficulty (job loss, illness, a sudden drop in income) can ask for a hardship payment plan. The plan splits the overdue balance into equal monthly instalments over at most ${HARDSHIP_MAX_INSTALMENTS} months, paid together with the regular monthly invoices. Each instalment must be at least EUR 10.

While a hardship plan is in place, late-payment fees on the covered balance are waived. A subscription suspended for non-payment is reinstated as soon as the first instalment is paid, even though the rest of the balance is still outstanding. Agents can take the first instalment as a partial payment on the oldest overdue invoice.

Only one hardship plan can be open per customer at a time and a customer can have at most one hardship plan in any 12 months. If two instalments are missed, the plan ends and the normal late-payment and suspension rules apply again to the remaining balance.

To set up a plan, the agent opens a support ticket in the billing category with priority high, stating the overdue amount, the agreed number of instalments and the instalment amount. No proof of hardship is required for balances under EUR 300; above that, the billing team may ask for evidence. Be respectful: do not ask about the reason for the difficulty beyond what the customer volunteers.`,
  },
  {
    documentId: 4,
    slug: 'autopay-direct-debit',
    title: 'Autopay by direct debit',
    category: 'billing',
    tags: ['billing', 'autopay', 'direct debit', 'mandate', 'payment method'],
    content: `With autopay enabled, Contoso collects each invoice by direct debit from the customer's bank account on the invoice's due date, ${PAYMENT_TERM_DAYS} days after the invoice date. Customers with autopay do not need to take any action; the payment shows as a direct_debit payment on the invoice.

If a direct debit fails (for example insufficient funds or a mandate cancelled by the bank), Contoso retries it once, ${DIRECT_DEBIT_RETRY_DAYS} days later. The customer is emailed after each failure. If the retry also fails, autopay stays on for future invoices but the failed invoice must be paid by card, bank transfer or PayPal, and the normal late-payment rules apply from the original due date.

Autopay can be switched on or off by an agent with update_subscription (autopay_enabled) or by the customer in My Contoso. A change made at least 3 days before an invoice's due date applies to that invoice; otherwise it applies from the next one. Switching autopay off does not cancel a direct debit that is already scheduled for the same day.

A customer who disputes a direct debit with their bank should contact Contoso first: a bank reversal counts as a failed payment and can lead to a late-payment fee.`,
  },
];
