// How a generated customer paid one invoice: autopay collects by direct debit on the due date
// (a failed debit is retried after the policy's retry interval); others pay by card, transfer
// or PayPal within the payment term, now and then a day or two late, in two parts, or after a
// declined attempt. Nothing is paid on or after the anchor day, so recent invoices stay open.
import { toCents, toEuros } from '../domain/billing/billing-rules.js';
import type { Invoice, PaymentMethod } from '../domain/billing/invoice.js';
import { addDays, atTime } from '../time/calendar.js';
import type { PaymentAttempt } from './payment-builder.js';
import { DIRECT_DEBIT_RETRY_DAYS } from './policy-terms.js';
import type { Random } from './prng.js';

const MANUAL_METHODS: readonly PaymentMethod[] = ['credit_card', 'debit_card', 'bank_transfer', 'paypal'];
const CARD_FAILURES = ['card declined', 'card expired', 'insufficient funds'] as const;
const DEBIT_FAILURES = ['insufficient funds', 'mandate cancelled by bank'] as const;

/**
 * @param unpaid the invoice that suspended the line: it gets only failed attempts.
 */
export function settleGeneratedInvoice(
  random: Random,
  invoice: Invoice,
  autopay: boolean,
  anchorDate: string,
  unpaid: boolean,
): PaymentAttempt[] {
  const before = (day: string) => day < anchorDate;
  if (autopay) {
    const debit = (day: string, failureReason?: string): PaymentAttempt => ({
      paidAt: atTime(day, 6, random.int(0, 59)),
      method: 'direct_debit',
      ...(failureReason === undefined ? {} : { failureReason }),
    });
    const retryDay = addDays(invoice.dueDate, DIRECT_DEBIT_RETRY_DAYS);
    if (unpaid) return [debit(invoice.dueDate, 'insufficient funds'), debit(retryDay, 'insufficient funds')];
    if (!before(invoice.dueDate)) return [];
    if (!random.chance(0.04)) return [debit(invoice.dueDate)];
    const first = debit(invoice.dueDate, random.pick(DEBIT_FAILURES));
    return before(retryDay) ? [first, debit(retryDay)] : [first];
  }
  const method = random.pick(MANUAL_METHODS);
  const at = (day: string, failureReason?: string, amount?: number): PaymentAttempt => ({
    paidAt: atTime(day, random.int(7, 21), random.int(0, 59)),
    method,
    ...(amount === undefined ? {} : { amount }),
    ...(failureReason === undefined ? {} : { failureReason }),
  });
  if (unpaid) return [at(addDays(invoice.dueDate, random.int(1, 5)), random.pick(CARD_FAILURES))];
  const roll = random.next();
  if (roll < 0.03 && invoice.amount >= 20) {
    // Paid in two parts, both within the payment term.
    const first = addDays(invoice.issuedOn, random.int(1, 5));
    const rest = addDays(first, random.int(2, 6));
    const half = toEuros(Math.round(toCents(invoice.amount) / 2));
    if (!before(first)) return [];
    return before(rest) ? [at(first, undefined, half), at(rest)] : [at(first, undefined, half)];
  }
  // Usually within the term, sometimes a day or two after the due date (before any late fee).
  const day = addDays(invoice.issuedOn, random.int(1, 16));
  if (!before(day)) return [];
  if (roll < 0.07) {
    const retry = addDays(day, random.int(1, 2));
    return before(retry) ? [at(day, random.pick(CARD_FAILURES)), at(retry)] : [at(day, random.pick(CARD_FAILURES))];
  }
  return [at(day)];
}
