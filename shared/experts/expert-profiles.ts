// Every expert, once: each becomes an MCP tool (expert-tools.ts) when Azure OpenAI is configured.
import type { ExpertProfile } from './expert-profile.js';
import { ACCOUNT_EXPERT } from './profiles/account-expert.js';
import { BILLING_EXPERT } from './profiles/billing-expert.js';
import { PRODUCT_EXPERT } from './profiles/product-expert.js';

export const EXPERT_PROFILES: readonly ExpertProfile[] = [BILLING_EXPERT, ACCOUNT_EXPERT, PRODUCT_EXPERT];
