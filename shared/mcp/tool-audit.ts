// The audit of tool calls: granted calls of tools that mutate or need the security role (with
// their outcome), and every refused call. Granted reads are not audited one by one (that would
// turn every read into a write). Records carry a fixed, bounded set of fields: at most the id
// arguments the tool's schema declares. Refusal reasons go here, never to the client.
import type { AuditTrail } from '../audit/audit-trail.js';
import { idArguments } from '../domain/audit/audit-record.js';
import { ROLES } from '../identity/principal.js';
import type { CallerScope } from '../request/request-scope.js';
import type { AnyTool } from './define-tool.js';

export interface ToolAudit {
  /** Whether granted calls of `tool` are audited: it mutates, or it needs the security role. */
  covers(tool: AnyTool): boolean;
  /** A new record id, so a covered call can cite its record before it is written. */
  newAuditId(): string;
  /** Audits the outcome of a granted call of a covered tool; resolves once written. */
  granted(tool: AnyTool, args: unknown, scope: CallerScope, result: string, auditId?: string): Promise<void>;
  /**
   * Audits a refused call in the background: the refusal is answered without waiting for it. The
   * reason is the missing roles unless given (a delegate calling outside its tools).
   */
  refused(tool: AnyTool, args: unknown, scope: CallerScope, reason?: string): void;
}

/** The `*_id` keys a tool's input schema declares: the only arguments an audit record keeps. */
function declaredIdKeys(tool: AnyTool): string[] {
  return Object.keys(tool.input.shape).filter((key) => key.endsWith('_id'));
}

export function createToolAudit(trail: AuditTrail): ToolAudit {
  const idKeys = new WeakMap<AnyTool, string[]>();
  const idKeysOf = (tool: AnyTool) => {
    let keys = idKeys.get(tool);
    if (keys === undefined) idKeys.set(tool, (keys = declaredIdKeys(tool)));
    return keys;
  };
  const base = (tool: AnyTool, args: unknown, scope: CallerScope) => ({
    requestId: scope.requestId,
    callerId: scope.caller.callerId,
    tenantId: scope.caller.tenantId,
    tool: tool.name,
    argumentIds: idArguments(args, idKeysOf(tool)),
    ...(scope.via === undefined ? {} : { via: scope.via }),
  });

  return {
    covers: (tool) => tool.annotations.readOnlyHint !== true || tool.roles.includes(ROLES.security),
    newAuditId: () => trail.newAuditId(),
    async granted(tool, args, scope, result, auditId) {
      await trail.write({ ...base(tool, args, scope), ...(auditId ? { auditId } : {}), outcome: 'granted', result, reason: null });
    },
    refused(tool, args, scope, reason) {
      const missing = tool.roles.filter((role) => !scope.caller.roles.includes(role));
      void trail.write({ ...base(tool, args, scope), outcome: 'refused', result: null, reason: reason ?? `missing_role:${missing.join(',')}` });
    },
  };
}
