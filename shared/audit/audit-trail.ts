// The audit trail: writes operator audit records to the store's audit log and to the logs. A
// write that fails is retried once; if it still fails the whole (bounded) record goes to the
// error log, so nothing is lost silently. Used by the tool audit and the admin routes.
import type { AuditRecord } from '../domain/audit/audit-record.js';
import type { AuditLog } from '../storage/audit-log.js';
import type { Logger } from '../telemetry/logger.js';
import type { Clock } from '../time/clock.js';

/** A record before the trail stamps it; `auditId` may be chosen up front (a tool cites it). */
export type AuditEntry = Omit<AuditRecord, 'auditId' | 'at'> & { auditId?: string };

export interface AuditTrail {
  /** A new audit record id, for a call that must cite its record before it is written. */
  newAuditId(): string;
  /** Writes the record; never rejects (a failed write is retried once, then logged in full). */
  write(entry: AuditEntry): Promise<AuditRecord>;
}

export interface AuditTrailOptions {
  log: AuditLog;
  clock: Clock;
  newId: () => string;
  logger: Logger;
  /** Wait before the one retry, in milliseconds (tests pass 0). */
  retryDelayMs?: number;
}

export function createAuditTrail(options: AuditTrailOptions): AuditTrail {
  const retryDelayMs = options.retryDelayMs ?? 100;
  const newAuditId = () => `audit-${options.newId()}`;

  async function append(record: AuditRecord): Promise<void> {
    try {
      await options.log.append(record);
    } catch (first) {
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      try {
        await options.log.append(record);
      } catch (error) {
        options.logger.error('audit record could not be written; it is kept here', { error, firstError: first, audit: record });
      }
    }
  }

  return {
    newAuditId,
    async write(entry) {
      const record: AuditRecord = { ...entry, auditId: entry.auditId ?? newAuditId(), at: options.clock.now().toISOString() };
      options.logger.info('audit', { audit: record });
      await append(record);
      return record;
    },
  };
}
