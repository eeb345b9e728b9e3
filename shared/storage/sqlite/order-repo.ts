// Device, accessory and SIM orders in the embedded store, with their return and refund state.
// Read per customer, newest first; written only by the bulk load.
import type { Order, OrderStatus, RefundStatus } from '../../domain/orders/order.js';
import type { OrderRepo } from '../contoso-store.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';
import { toMoney } from './sql-values.js';

export interface OrderRow {
  order_id: number;
  customer_id: number;
  item_name: string;
  item_type: string;
  amount: number;
  ordered_on: string;
  status: string;
  delivered_on: string | null;
  return_received_on: string | null;
  refund_status: string;
  refund_due_by: string | null;
}

export function toOrder(row: OrderRow): Order {
  return {
    orderId: row.order_id,
    customerId: row.customer_id,
    itemName: row.item_name,
    itemType: row.item_type as Order['itemType'],
    amount: toMoney(row.amount),
    orderedOn: row.ordered_on,
    status: row.status as OrderStatus,
    deliveredOn: row.delivered_on,
    returnReceivedOn: row.return_received_on,
    refundStatus: row.refund_status as RefundStatus,
    refundDueBy: row.refund_due_by,
  };
}

export function toOrderRow(order: Order): OrderRow {
  return {
    order_id: order.orderId,
    customer_id: order.customerId,
    item_name: order.itemName,
    item_type: order.itemType,
    amount: order.amount,
    ordered_on: order.orderedOn,
    status: order.status,
    delivered_on: order.deliveredOn,
    return_received_on: order.returnReceivedOn,
    refund_status: order.refundStatus,
    refund_due_by: order.refundDueBy,
  };
}

export const INSERT_ORDER = `INSERT INTO orders (order_id, customer_id, item_name, item_type, amount, ordered_on, status,
  delivered_on, return_received_on, refund_status, refund_due_by) VALUES (@order_id, @customer_id, @item_name,
  @item_type, @amount, @ordered_on, @status, @delivered_on, @return_received_on, @refund_status, @refund_due_by)`;

export function createSqliteOrderRepo(db: SqliteDatabase): OrderRepo {
  const byCustomer = prepareRows<[number], OrderRow>(db, 'SELECT * FROM orders WHERE customer_id = +? ORDER BY ordered_on DESC, order_id DESC',
  );
  return {
    async listByCustomer(customerId) {
      return byCustomer.all(customerId).map(toOrder);
    },
  };
}
