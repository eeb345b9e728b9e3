// The dispatch decision for a tool call: the one place where a caller's roles are checked
// against a tool's. A tool the caller may not use is hidden from its list and refused exactly
// like an unknown tool; the refusal is audited (in the background, so it costs no more time
// than an unknown tool). Every path that dispatches a tools/call asks here.
import { hasRoles, type Principal } from '../identity/principal.js';
import type { CallerScope } from '../request/request-scope.js';
import type { AnyTool } from './define-tool.js';
import type { ToolAudit } from './tool-audit.js';

export type GateDecision =
  | { readonly kind: 'granted'; readonly tool: AnyTool }
  /** The caller lacks a role: answer exactly as for an unknown tool. */
  | { readonly kind: 'refused'; readonly tool: AnyTool }
  | { readonly kind: 'unknown' };

export interface ToolGate {
  /** The tools `caller` may use, in registry order. */
  visibleTo(caller: Principal): readonly AnyTool[];
  /** Decides a call of `name` by the scope's caller; a refusal is audited before this returns. */
  decide(name: string, args: unknown, scope: CallerScope): GateDecision;
}

export function createToolGate(tools: readonly AnyTool[], audit: ToolAudit): ToolGate {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  return {
    visibleTo: (caller) => tools.filter((tool) => hasRoles(caller, tool.roles)),
    decide(name, args, scope) {
      const tool = byName.get(name);
      if (tool === undefined) return { kind: 'unknown' };
      if (hasRoles(scope.caller, tool.roles)) return { kind: 'granted', tool };
      audit.refused(tool, args, scope);
      return { kind: 'refused', tool };
    },
  };
}
