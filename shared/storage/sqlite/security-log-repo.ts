// Customer account security events in the embedded store (sign-ins, locks, unlocks). Customer
// updates write events through INSERT_SECURITY_EVENT in the same transaction as the customer.
import type { SecurityEvent, SecurityEventType } from '../../domain/security/security-event.js';
import type { SecurityLogRepo } from '../contoso-store.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';
import { toRowLimit } from './sql-values.js';

export interface SecurityEventRow {
  event_id: string;
  customer_id: number;
  event_type: string;
  occurred_at: string;
  ip_address: string | null;
  detail: string;
}

export function toSecurityEvent(row: SecurityEventRow): SecurityEvent {
  return {
    eventId: row.event_id,
    customerId: row.customer_id,
    eventType: row.event_type as SecurityEventType,
    occurredAt: row.occurred_at,
    ipAddress: row.ip_address,
    detail: row.detail,
  };
}

export function toSecurityEventRow(event: SecurityEvent): SecurityEventRow {
  return {
    event_id: event.eventId,
    customer_id: event.customerId,
    event_type: event.eventType,
    occurred_at: event.occurredAt,
    ip_address: event.ipAddress,
    detail: event.detail,
  };
}

export const INSERT_SECURITY_EVENT = `INSERT INTO security_events (event_id, customer_id, event_type, occurred_at,
  ip_address, detail) VALUES (@event_id, @customer_id, @event_type, @occurred_at, @ip_address, @detail)`;

export function createSqliteSecurityLogRepo(db: SqliteDatabase): SecurityLogRepo {
  const byCustomer = prepareRows<[number, number], SecurityEventRow>(db, 'SELECT * FROM security_events WHERE customer_id = +? ORDER BY occurred_at DESC, event_id DESC LIMIT ?',
  );
  return {
    async listByCustomer(customerId, limit) {
      const rows = toRowLimit(limit);
      return rows === 0 ? [] : byCustomer.all(customerId, rows).map(toSecurityEvent);
    },
  };
}
