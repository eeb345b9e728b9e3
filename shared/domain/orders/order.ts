// Orders of devices and accessories, with returns and refunds.

export const ORDER_STATUSES = ['processing', 'shipped', 'delivered', 'return_requested', 'returned', 'refunded', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const REFUND_STATUSES = ['none', 'pending', 'issued'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface Order {
  orderId: number;
  customerId: number;
  itemName: string;
  itemType: 'device' | 'accessory' | 'sim';
  amount: number;
  /** YYYY-MM-DD */
  orderedOn: string;
  status: OrderStatus;
  deliveredOn: string | null;
  returnReceivedOn: string | null;
  refundStatus: RefundStatus;
  /** Latest day the refund is due under the returns policy, when a return was received. */
  refundDueBy: string | null;
}
