// Id ranges and id schemes of seeded data. The nine named scenario customers have the ids
// 251–259, the ids the Contoso workshop's scenario prompts name ("my customer id is 251").
// Generated customers are numbered around them: 1–250 first, then from 260 on. Every other id
// is derived from its owner's id, so a record keeps its id across seed sizes.

/** Customer ids reserved for the named scenarios (one each, in scenario order); never generated. */
export const SCENARIO_CUSTOMER_IDS = { first: 251, last: 259 } as const;

const SCENARIO_ID_COUNT = SCENARIO_CUSTOMER_IDS.last - SCENARIO_CUSTOMER_IDS.first + 1;

/**
 * The id of the generated customer with this 0-based index: 1–250 for the first 250, then
 * 260, 261 … skipping the scenario ids. So 250 generated customers are 1–250 and 300 are
 * 1–250 and 260–309, and a customer's id never depends on how many are generated.
 */
export function generatedCustomerId(index: number): number {
  const id = index + 1;
  return id < SCENARIO_CUSTOMER_IDS.first ? id : id + SCENARIO_ID_COUNT;
}

/** A subscription id: its customer's id × 10 + its ordinal (1–9). */
export function subscriptionIdFor(customerId: number, ordinal: number): number {
  return customerId * 10 + ordinal;
}

/** An invoice id: its subscription's id × 100 + n (1–99, oldest first). */
export function invoiceIdFor(subscriptionId: number, n: number): number {
  return subscriptionId * 100 + n;
}

/** The n-th payment (1-based, in payment order) on an invoice. */
export function paymentIdFor(invoiceId: number, n: number): string {
  return `pay-${invoiceId}-${n}`;
}

/** A support ticket id: its customer's id × 100 + n (oldest first). */
export function ticketIdFor(customerId: number, n: number): number {
  return customerId * 100 + n;
}

/** An order id: its customer's id × 100 + n (oldest first). */
export function orderIdFor(customerId: number, n: number): number {
  return customerId * 100 + n;
}

/** The n-th security event (1-based, oldest first) of a customer. */
export function securityEventIdFor(customerId: number, n: number): string {
  return `sec-${customerId}-${n}`;
}

/** The customer's contact number, derived from the customer id. */
export function customerPhoneFor(customerId: number): string {
  return `+1 425 555 ${String(customerId % 10_000).padStart(4, '0')}`;
}

/** The MSISDN of a mobile line, derived from the subscription id. */
export function mobileNumberFor(subscriptionId: number): string {
  return `+1 206 555 ${String(subscriptionId % 10_000).padStart(4, '0')}`;
}
