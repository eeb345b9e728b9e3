// Id ranges of seeded data. Ids 1–100 are reserved for named scenario customers, so generated
// customers never take them and scenario ids do not depend on SEED_CUSTOMER_COUNT.
// A subscription id is its customer's id × 10 + its ordinal (1–9), stable across seed sizes.

export const RESERVED_CUSTOMER_IDS = { first: 1, last: 100 } as const;
export const FIRST_GENERATED_CUSTOMER_ID = RESERVED_CUSTOMER_IDS.last + 1;

export function generatedCustomerId(index: number): number {
  return FIRST_GENERATED_CUSTOMER_ID + index;
}

export function subscriptionIdFor(customerId: number, ordinal: number): number {
  return customerId * 10 + ordinal;
}
