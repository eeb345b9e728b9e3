// An operator audit record: who called a mutating or restricted tool, on which ids, and whether
// it was allowed. Kept apart from customers' security events; never shown by customer tools.

export const AUDIT_OUTCOMES = ['granted', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditRecord {
  auditId: string;
  /** ISO date-time */
  at: string;
  requestId: string;
  callerId: string;
  tenantId: string;
  tool: string;
  /** The id arguments of the call (keys ending in `_id`), never other argument values. */
  argumentIds: Record<string, number | string>;
  outcome: AuditOutcome;
  /** For granted calls: `ok` or the tool error code; null when refused. */
  result: string | null;
  /** Why a call was refused (e.g. `missing_role:security`); null when granted. */
  reason: string | null;
}

/** The id-valued arguments of a tool call, for the audit trail. */
export function idArguments(args: unknown): Record<string, number | string> {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return {};
  const ids: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(args)) {
    if (!key.endsWith('_id')) continue;
    if (typeof value === 'number' && Number.isFinite(value)) ids[key] = value;
    else if (typeof value === 'string') ids[key] = value.slice(0, 64);
  }
  return ids;
}
