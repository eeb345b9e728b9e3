// zod pieces several tools share: integer ids as existing Contoso agents send them, and the
// snake_case views of domain records that tool outputs are built from.
import * as z from 'zod';
import { isCalendarDate } from '../../time/calendar.js';
import { ACCOUNT_STATUSES, LOYALTY_LEVELS } from '../../domain/customers/customer.js';
import { PRODUCT_CATEGORIES } from '../../domain/products/product.js';
import { SERVICE_STATUSES, SUBSCRIPTION_STATUSES } from '../../domain/subscriptions/subscription.js';

const MAX_ID = 2_147_483_647;

export function idSchema(what: string) {
  return z.number().int().min(1).max(MAX_ID).describe(`Integer id of the ${what}`);
}

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Date as YYYY-MM-DD');

/** A date argument: YYYY-MM-DD that names a real calendar day. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');

export const customerSummarySchema = z.object({
  customer_id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  loyalty_level: z.enum(LOYALTY_LEVELS),
});

export const customerProfileSchema = customerSummarySchema.extend({
  phone: z.string(),
  address: z.string(),
  city: z.string(),
  account_status: z.enum(ACCOUNT_STATUSES),
  joined_on: isoDate,
});

export const productSchema = z.object({
  product_id: z.number().int(),
  name: z.string(),
  category: z.enum(PRODUCT_CATEGORIES),
  description: z.string(),
  monthly_fee: z.number().describe('Monthly fee in EUR'),
  data_cap_gb: z.number().nullable().describe('Included data per month in GB; null = unlimited or n/a'),
  speed_tier_mbps: z.number().int().nullable(),
  roaming_available: z.boolean(),
});

export const subscriptionSchema = z.object({
  subscription_id: z.number().int(),
  customer_id: z.number().int(),
  product_id: z.number().int(),
  product_name: z.string(),
  category: z.enum(PRODUCT_CATEGORIES),
  status: z.enum(SUBSCRIPTION_STATUSES),
  service_status: z.enum(SERVICE_STATUSES),
  start_date: isoDate,
  end_date: isoDate.nullable(),
  roaming_enabled: z.boolean(),
  autopay_enabled: z.boolean(),
  data_cap_gb: z.number().nullable(),
  speed_tier_mbps: z.number().int().nullable(),
  service_identifier: z.string(),
});

/** Annotations of a tool that only reads Contoso data. */
export const READ_ONLY = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;
