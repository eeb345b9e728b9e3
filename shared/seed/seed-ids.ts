// Id ranges and id schemes of seeded data. Ids 1–100 are reserved for named scenario customers,
// so generated customers never take them and scenario ids do not depend on SEED_CUSTOMER_COUNT.
// Every other id is derived from its owner's id, so a record keeps its id across seed sizes.

export const RESERVED_CUSTOMER_IDS = { first: 1, last: 100 } as const;
export const FIRST_GENERATED_CUSTOMER_ID = RESERVED_CUSTOMER_IDS.last + 1;

export function generatedCustomerId(index: number): number {
  return FIRST_GENERATED_CUSTOMER_ID + index;
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
