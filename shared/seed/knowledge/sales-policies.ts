// Knowledge-base policies about sales and loyalty: promotion eligibility, returns and refunds,
// loyalty levels and device warranty repairs. Figures come from policy-terms.ts.
import type { KnowledgeDocument } from '../../domain/knowledge/knowledge-document.js';
import { REFUND_DAYS, RETURN_WINDOW_DAYS } from '../policy-terms.js';

export const SALES_POLICIES: readonly KnowledgeDocument[] = [
  {
    documentId: 11,
    slug: 'promotion-eligibility',
    title: 'Promotion eligibility rules',
    category: 'sales',
    tags: ['promotions', 'offers', 'discount', 'eligibility', 'loyalty'],
    content: `A customer qualifies for a promotion when all of the following hold on the day of the request: the promotion is running (today is between its start date and end date, both inclusive); the customer's loyalty level is one of the promotion's eligible levels, or the promotion lists no levels, which means every level qualifies; and the customer's account is active, not locked or closed.

Promotions that are announced but have not started yet cannot be applied early, not even to loyal customers; tell the customer the start date and offer to note their interest in a support ticket. Promotions that have ended cannot be reapplied or extended. Use get_eligible_promotions to see exactly which promotions a customer qualifies for today, and get_promotions for the full list including upcoming and expired ones.

A promotion that names products applies only to those products; the customer must have or take out a subscription to one of them. Only one promotion can be applied to a subscription at a time; if a customer qualifies for several for the same product, apply the one with the highest discount. Discounts are applied from the next invoice and are not backdated.

Never promise a promotion the customer does not qualify for. A customer one loyalty level below a promotion's levels can be told how loyalty levels are earned instead.`,
  },
  {
    documentId: 12,
    slug: 'returns-and-refunds',
    title: 'Returns and refunds for devices and accessories',
    category: 'orders',
    tags: ['orders', 'returns', 'refund', 'return window', 'device'],
    content: `Devices and accessories bought from Contoso can be returned for a full refund within ${RETURN_WINDOW_DAYS} days of delivery, for any reason. The item must be complete, with its charger and accessories, and must not be damaged beyond normal unpacking; phones must be signed out of the owner's accounts and reset. SIM cards cannot be returned. The customer starts a return in My Contoso or by phone and receives a prepaid shipping label.

Refund timing: Contoso issues the refund within ${REFUND_DAYS} days of receiving the returned item at the returns centre. The refund goes back to the original payment method; card refunds can take a further 3 to 5 business days to appear on the customer's statement, and bank transfers 1 to 2 business days. The order shows status "returned" with refund status "pending" between receipt and the refund, and "refunded" once the refund has been issued. The refund-due-by date on the order is the last day of the ${REFUND_DAYS}-day refund period.

If a customer asks about a refund that is still inside the refund period, give them the refund-due-by date and reassure them that no action is needed. If the refund-due-by date has passed and the refund is still pending, open a support ticket in the billing category with priority high so the returns team can issue it within 2 business days.

Items returned after the return window are treated as warranty claims or not accepted.`,
  },
  {
    documentId: 13,
    slug: 'loyalty-levels',
    title: 'Loyalty levels: Bronze, Silver, Gold and Platinum',
    category: 'loyalty',
    tags: ['loyalty', 'bronze', 'silver', 'gold', 'platinum', 'tenure'],
    content: `Every Contoso customer has a loyalty level, reviewed once a year on the anniversary of joining. New customers start at Bronze. Silver requires two years as a customer with no invoice more than 30 days overdue in the last year. Gold requires four years, or two years with at least three active subscriptions. Platinum requires seven years, or four years with a bundle subscription.

Benefits by level: Silver members get priority routing in the phone queue. Gold members additionally get free replacement SIMs and a dedicated chat line. Platinum members additionally get a named account manager and free technician visits.

A loyalty level is never lowered because of a single late payment, but it drops one level at the yearly review if the account had a subscription suspended for non-payment during the year. Levels cannot be bought, transferred between customers or granted as goodwill. Agents cannot change a customer's level; questions about a review go to the loyalty team by support ticket in the account category.`,
  },
  {
    documentId: 14,
    slug: 'device-warranty-repairs',
    title: 'Device warranty and repairs',
    category: 'device',
    tags: ['device', 'warranty', 'repair', 'faulty', 'screen'],
    content: `Phones, tablets and routers sold by Contoso carry a two-year manufacturer warranty against faults, starting on the delivery date. Accessories carry a one-year warranty. The warranty covers faults that appear in normal use: a phone that will not charge, a dead speaker, a router that keeps rebooting. It does not cover accidental damage such as a cracked screen or water damage, loss or theft.

For a suspected fault, first try a restart and a software update, then a factory reset after the customer has backed up their data. If the fault remains, open a support ticket in the device category; the customer takes the device to a Contoso store or sends it with a prepaid label to the repair centre. Repairs under warranty take 5 to 10 business days and are free. If a device cannot be repaired, it is replaced with the same model or an equivalent one.

Accidental damage can be repaired at the customer's cost; the repair centre sends a quote before starting work. Customers who want a loan phone during a repair can collect one from a store against a deposit of EUR 50, returned when the loan phone comes back undamaged.`,
  },
];
