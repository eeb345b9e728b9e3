// The nine named support scenarios, customer ids 251–259 in order, and the knowledge-base question
// each one comes with (tests check the right policy ranks first for it).
import { BILL_SHOCK } from './bill-shock.js';
import { DATA_OVERAGE_CHARGE } from './data-overage-charge.js';
import { DEVICE_RETURN_REFUND } from './device-return-refund.js';
import { DROPPED_CALLS } from './dropped-calls.js';
import { LOCKED_ACCOUNT } from './locked-account.js';
import { LOYALTY_PROMOTIONS } from './loyalty-promotions.js';
import { OVERDUE_SUSPENDED } from './overdue-suspended.js';
import type { Scenario } from './scenario.js';
import { ROAMING_OFF_TRAVELLER } from './roaming-off-traveller.js';
import { SLOW_INTERNET_INCIDENT } from './slow-internet-incident.js';

export const SCENARIOS: readonly Scenario[] = [
  BILL_SHOCK,
  SLOW_INTERNET_INCIDENT,
  ROAMING_OFF_TRAVELLER,
  LOCKED_ACCOUNT,
  LOYALTY_PROMOTIONS,
  DEVICE_RETURN_REFUND,
  DROPPED_CALLS,
  OVERDUE_SUSPENDED,
  DATA_OVERAGE_CHARGE,
];

export interface ScenarioQuestion {
  customerId: number;
  scenarioSlug: string;
  /** What a support agent would type into search_knowledge_base. */
  question: string;
  /** Slug of the knowledge document that must rank first. */
  expectedSlug: string;
}

export const SCENARIO_QUESTIONS: readonly ScenarioQuestion[] = SCENARIOS.map((scenario) => ({
  customerId: scenario.customerId,
  scenarioSlug: scenario.slug,
  question: scenario.question,
  expectedSlug: scenario.policySlug,
}));
