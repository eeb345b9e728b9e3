// The audit log in the embedded store: its own table, untouched by replaceAll and exportAll.
import type { AuditOutcome, AuditRecord } from '../../domain/audit/audit-record.js';
import type { AuditLog } from '../audit-log.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';

interface AuditRow {
  audit_id: string;
  at: string;
  request_id: string;
  caller_id: string;
  tenant_id: string;
  tool: string;
  argument_ids: string;
  outcome: string;
  result: string | null;
  reason: string | null;
  via: string | null;
}

export function createSqliteAuditLog(db: SqliteDatabase): AuditLog {
  const insert = db.prepare(
    `INSERT INTO audit_records (audit_id, at, request_id, caller_id, tenant_id, tool, argument_ids, outcome, result, reason, via)
     VALUES (@audit_id, @at, @request_id, @caller_id, @tenant_id, @tool, @argument_ids, @outcome, @result, @reason, @via)`,
  );
  const latest = prepareRows<[number], AuditRow>(db, 'SELECT * FROM audit_records ORDER BY at DESC, seq DESC LIMIT ?');
  return {
    async append(record) {
      insert.run({
        audit_id: record.auditId,
        at: record.at,
        request_id: record.requestId,
        caller_id: record.callerId,
        tenant_id: record.tenantId,
        tool: record.tool,
        argument_ids: JSON.stringify(record.argumentIds),
        outcome: record.outcome,
        result: record.result,
        reason: record.reason,
        via: record.via ?? null,
      });
    },
    async list(limit) {
      return latest.all(Math.max(0, Math.floor(limit))).map(
        (row): AuditRecord => ({
          auditId: row.audit_id,
          at: row.at,
          requestId: row.request_id,
          callerId: row.caller_id,
          tenantId: row.tenant_id,
          tool: row.tool,
          argumentIds: JSON.parse(row.argument_ids) as Record<string, number | string>,
          outcome: row.outcome as AuditOutcome,
          result: row.result,
          reason: row.reason,
          ...(row.via === null ? {} : { via: row.via }),
        }),
      );
    },
  };
}
