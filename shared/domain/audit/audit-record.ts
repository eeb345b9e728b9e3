// An operator audit record: who called a mutating or security tool (or an admin route), on which
// ids, and whether it was allowed; every refused call too. Kept apart from customers' security
// events; never shown by customer tools. Its fields are fixed and bounded.

export const AUDIT_OUTCOMES = ['granted', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditRecord {
  auditId: string;
  /** ISO date-time */
  at: string;
  requestId: string;
  callerId: string;
  tenantId: string;
  /** The tool called, or the admin operation (e.g. `manage/seed`). */
  tool: string;
  /** The id arguments of the call (declared keys ending in `_id`), never other argument values. */
  argumentIds: Record<string, number | string>;
  outcome: AuditOutcome;
  /** For granted calls: `ok`, `replayed` (an idempotent repeat) or the error code; null when refused. */
  result: string | null;
  /** Why a call was refused (e.g. `missing_role:security`); null when granted. */
  reason: string | null;
  /**
   * The expert tool that made this call on the caller's behalf (e.g. `ask_billing_expert`): the
   * call ran under the caller's own roles. Absent for the caller's own calls.
   */
  via?: string;
}

/** Longest id value kept in an audit record (longer ones are cut). */
export const MAX_AUDITED_ID_LENGTH = 64;

/**
 * The id arguments of a call for its audit record: only the `*_id` keys in `declared` (the keys
 * the tool's input schema declares), numbers as they are and strings cut to 64 characters, so a
 * record's size is bounded whatever the caller sends. Other argument values are never kept.
 */
export function idArguments(args: unknown, declared: readonly string[]): Record<string, number | string> {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return {};
  const ids: Record<string, number | string> = {};
  for (const key of declared) {
    if (!key.endsWith('_id') || !Object.hasOwn(args, key)) continue;
    const value = (args as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value)) ids[key] = value;
    else if (typeof value === 'string') ids[key] = value.slice(0, MAX_AUDITED_ID_LENGTH);
  }
  return ids;
}
