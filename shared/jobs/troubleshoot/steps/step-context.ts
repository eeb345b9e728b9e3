// What every troubleshoot step receives and returns, and the lookups several steps share. A step
// is an activity: it may run more than once (retries, a restart mid-step), so it only reads,
// except the last one, whose one write is idempotent.
import { NotFoundError } from '../../../errors/domain-error.js';
import type { Customer } from '../../../domain/customers/customer.js';
import type { Product } from '../../../domain/products/product.js';
import type { Subscription } from '../../../domain/subscriptions/subscription.js';
import type { ContosoStore } from '../../../storage/contoso-store.js';
import type { Finding, TroubleshootInput } from '../troubleshoot-job.js';

export interface StepContext {
  readonly input: TroubleshootInput;
  /** The orchestration instance (the job id): the last step's ticket key derives from it. */
  readonly instanceId: string;
  readonly store: ContosoStore;
  /** What the earlier steps found (only the last step needs them). */
  readonly findings: readonly Finding[];
}

export interface Subject {
  customer: Customer;
  subscription: Subscription;
  product: Product;
}

/** The customer, subscription and plan a job is about; NotFoundError when one is missing. */
export async function loadSubject(ctx: StepContext): Promise<Subject> {
  const [customer, subscription] = await Promise.all([ctx.store.customers.get(ctx.input.customerId), ctx.store.subscriptions.get(ctx.input.subscriptionId)]);
  if (!customer) throw new NotFoundError('Customer', ctx.input.customerId);
  if (!subscription) throw new NotFoundError('Subscription', ctx.input.subscriptionId);
  const product = await ctx.store.products.get(subscription.productId);
  if (!product) throw new NotFoundError('Product', subscription.productId);
  return { customer, subscription, product };
}

/** The UTC day of the job's business time. */
export function dayOf(ctx: StepContext): string {
  return ctx.input.asOf.slice(0, 10);
}

export function finding(step: string, title: string, outcome: Finding['outcome'], summary: string, facts: Finding['facts'] = {}): Finding {
  return { step, title, outcome, summary, facts };
}
