// Pure rules for changing a subscription: what may change, and what a change implies (a new
// product brings its cap and speed; cancelling ends the subscription today).
import { BusinessRuleError, InvalidArgumentError } from '../../errors/domain-error.js';
import type { Product } from '../products/product.js';
import type { ServiceStatus, Subscription, SubscriptionStatus } from './subscription.js';

export const SPEED_TIERS_MBPS = [50, 100, 200, 500, 1000] as const;

export interface SubscriptionUpdate {
  roamingEnabled?: boolean | undefined;
  status?: SubscriptionStatus | undefined;
  serviceStatus?: ServiceStatus | undefined;
  productId?: number | undefined;
  autopayEnabled?: boolean | undefined;
  speedTierMbps?: number | undefined;
  dataCapGb?: number | undefined;
}

export interface UpdateContext {
  /** The product the subscription has now. */
  currentProduct: Product;
  /** The product named by `update.productId`, when it names one. */
  newProduct: Product | undefined;
  today: string;
  /** Overdue amount on the subscription's invoices (blocks reactivation). */
  overdueAmount: number;
}

/** The subscription after `update`, or a typed error saying why it may not change. */
export function applySubscriptionUpdate(current: Subscription, update: SubscriptionUpdate, ctx: UpdateContext): Subscription {
  if (current.status === 'cancelled') {
    throw new BusinessRuleError(`Subscription ${current.subscriptionId} is cancelled and cannot be changed`, { subscription_id: current.subscriptionId });
  }
  const product = ctx.newProduct ?? ctx.currentProduct;
  if (update.productId !== undefined && ctx.newProduct === undefined) {
    throw new InvalidArgumentError(`product ${update.productId} does not exist`, { field: 'update.product_id' });
  }
  if (ctx.newProduct && ctx.newProduct.category !== ctx.currentProduct.category) {
    throw new BusinessRuleError(
      `This ${ctx.currentProduct.category} subscription cannot move to the ${ctx.newProduct.category} product "${ctx.newProduct.name}"; open a new subscription instead`,
    );
  }
  const next: Subscription = { ...current };
  if (ctx.newProduct) {
    next.productId = ctx.newProduct.productId;
    next.dataCapGb = ctx.newProduct.dataCapGb;
    next.speedTierMbps = ctx.newProduct.speedTierMbps;
    if (!ctx.newProduct.roamingAvailable) next.roamingEnabled = false;
  }
  if (update.roamingEnabled !== undefined) {
    if (update.roamingEnabled && !product.roamingAvailable) {
      throw new BusinessRuleError(`Roaming is not available on "${product.name}"; move to a plan with roaming first`, { field: 'update.roaming_enabled' });
    }
    next.roamingEnabled = update.roamingEnabled;
  }
  if (update.autopayEnabled !== undefined) next.autopayEnabled = update.autopayEnabled;
  if (update.speedTierMbps !== undefined) {
    if (product.speedTierMbps === null) {
      throw new BusinessRuleError(`"${product.name}" has no speed tier`, { field: 'update.speed_tier' });
    }
    next.speedTierMbps = update.speedTierMbps;
  }
  if (update.dataCapGb !== undefined) {
    if (product.category === 'tv') throw new BusinessRuleError(`"${product.name}" has no data cap`, { field: 'update.data_cap_gb' });
    next.dataCapGb = update.dataCapGb;
  }
  if (update.serviceStatus !== undefined) next.serviceStatus = update.serviceStatus;
  if (update.status !== undefined && update.status !== current.status) {
    if (update.status === 'active' && current.status === 'suspended' && ctx.overdueAmount > 0) {
      throw new BusinessRuleError(
        `Subscription ${current.subscriptionId} cannot be reactivated while EUR ${ctx.overdueAmount.toFixed(2)} is overdue; take the payment first`,
        { overdue: ctx.overdueAmount },
      );
    }
    next.status = update.status;
    if (update.status === 'cancelled') next.endDate = ctx.today;
    if (update.status === 'suspended') next.serviceStatus = 'suspended';
    if (update.status === 'active' && update.serviceStatus === undefined && current.serviceStatus === 'suspended') next.serviceStatus = 'normal';
  }
  return next;
}

/** Names of the fields that differ between two versions of a subscription. */
export function changedFields(before: Subscription, after: Subscription): Array<keyof Subscription> {
  return (Object.keys(after) as Array<keyof Subscription>).filter((key) => before[key] !== after[key]);
}
