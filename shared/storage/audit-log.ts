// The audit port: an append-only log of operator actions on restricted tools, in its own
// collection (never part of the Contoso dataset, its exports or seeding).
import type { AuditRecord } from '../domain/audit/audit-record.js';

export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  /** The latest records, newest first. */
  list(limit: number): Promise<AuditRecord[]>;
}
