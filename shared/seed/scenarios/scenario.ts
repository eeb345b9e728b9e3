// What a named support scenario is: a fixed customer (ids 251–259) whose records tell one
// support story, with the tools that reveal it, what a good answer says, and the question an
// agent would search the knowledge base with. Scenarios never depend on SEED_CUSTOMER_COUNT.
import type { CustomerRecords } from '../customer-records.js';

export interface Scenario {
  customerId: number;
  /** kebab-case name, e.g. "bill-shock". */
  slug: string;
  title: string;
  /** The situation as the customer would describe it. */
  situation: string;
  /** MCP tools that reveal the situation, in the order an agent would use them. */
  tools: readonly string[];
  /** What a good answer tells the customer. */
  goodAnswer: string;
  /** What a support agent would type into search_knowledge_base for this case. */
  question: string;
  /** Slug of the knowledge document that must rank first for `question`. */
  policySlug: string;
  /** The scenario customer's records; every date is relative to `anchorDate`. */
  build(anchorDate: string): Partial<CustomerRecords>;
}
