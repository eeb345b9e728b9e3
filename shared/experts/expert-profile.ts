// What defines an expert, as data: the MCP tool that asks it, its domain instructions, and the
// fixed subset of Contoso tools it may call (always narrowed further to what the caller may use).
// One file per expert under profiles/; expert-profiles.ts lists them.

export interface ExpertProfile {
  /** The MCP tool that asks this expert, e.g. `ask_billing_expert`; also names it in audit records. */
  readonly toolName: string;
  /** Short name, stored as the conversation's topic: `billing`, `account`, `product`. */
  readonly topic: string;
  readonly title: string;
  /** The MCP tool's description. */
  readonly description: string;
  /** The domain part of the system prompt. */
  readonly instructions: string;
  /** The Contoso tools this expert may call, by name; read tools, and create_support_ticket as the one write. */
  readonly toolNames: readonly string[];
}
