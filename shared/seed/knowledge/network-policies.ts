// Knowledge-base policies about the network: slow home internet and incident credits, roaming
// activation, and dropped-call investigations. Figures come from policy-terms.ts.
import type { KnowledgeDocument } from '../../domain/knowledge/knowledge-document.js';
import {
  DROPPED_CALL_CREDIT_PERCENT_PER_WEEK,
  DROPPED_CALL_INVESTIGATION_THRESHOLD,
  DROPPED_CALL_SLA_BUSINESS_DAYS,
  INCIDENT_CREDIT_AFTER_HOURS,
  ROAMING_ACTIVATION_HOURS,
  ROAMING_DAY_PASS_EUR,
} from '../policy-terms.js';

export const NETWORK_POLICIES: readonly KnowledgeDocument[] = [
  {
    documentId: 5,
    slug: 'slow-internet-troubleshooting',
    title: 'Slow home internet: troubleshooting and incident credits',
    category: 'technical',
    tags: ['internet', 'fibre', 'broadband', 'slow', 'speed', 'incident', 'credit'],
    content: `When a customer reports home internet (fibre or Home 4G) much slower than their subscribed speed tier, first check for a known service incident: get_subscription_detail lists the open incidents in the customer's area under open_incidents, and a subscription whose service status is "degraded" is affected by one. If an incident is open, tell the customer what is happening and when it is expected to be fixed, and do not run remote diagnostics or book a technician: the fix is on the network side.

With no incident open, troubleshoot in this order: restart the router (unplug for 30 seconds); run a speed test on a device connected by cable, since Wi-Fi speeds depend on distance and walls; check whether the slowness is limited to one device; then run the remote line test. Speeds consistently below 50% of the speed tier on a wired connection justify a support ticket in the technical category for a line check or a technician visit.

Incident credits: when a confirmed service incident degrades or interrupts a customer's broadband for more than ${INCIDENT_CREDIT_AFTER_HOURS} hours, the customer receives a credit of one thirtieth of the monthly fee for each affected day, counted from the start of the incident to its resolution. The credit is applied automatically to the next invoice after the incident is resolved; customers do not need to claim it, and agents should not add a separate goodwill credit for the same days. Keep any open ticket about the slowness open until the incident is resolved, then confirm the speed is back to normal.`,
  },
  {
    documentId: 6,
    slug: 'roaming-activation',
    title: 'Roaming: activation lead time and charges abroad',
    category: 'mobile',
    tags: ['mobile', 'roaming', 'travel', 'abroad', 'activation'],
    content: `Roaming lets a mobile line use partner networks abroad. It is available on Mobile Essentials, Mobile Plus, Mobile Unlimited and the bundles, but not on Mobile Basic 2 GB. Roaming is off by default on new lines, and a customer travelling abroad must have it switched on before departure.

An agent switches roaming on with update_subscription (roaming_enabled true), or the customer does it in My Contoso. Roaming activation takes up to ${ROAMING_ACTIVATION_HOURS} hours to reach all partner networks, so advise travellers to enable it at least one day before they leave. A customer who is already abroad and has no service should restart the phone after activation and, if needed, select a partner network manually.

Charges: roaming in the EU is included; calls, texts and data used in the EU count against the plan's normal allowance, and data above the cap is charged as data overage. Outside the EU, roaming costs a day pass of EUR ${ROAMING_DAY_PASS_EUR.toFixed(2)} for each day the phone uses data, calls or texts. Customers can avoid day-pass charges by switching mobile data off and using Wi-Fi.

After the trip the customer may leave roaming on; it costs nothing while at home. To protect against unexpected charges, customers who rarely travel can ask to have roaming switched off again.`,
  },
  {
    documentId: 7,
    slug: 'dropped-calls-investigation',
    title: 'Dropped calls: network investigation and SLA credits',
    category: 'network',
    tags: ['mobile', 'dropped calls', 'coverage', 'network', 'investigation', 'sla', 'credit'],
    content: `A call that ends by itself mid-conversation is a dropped call. Single dropped calls happen on every network; repeated dropped calls in one place point to a coverage fault that needs a network investigation.

For each report, record where the calls dropped (street or neighbourhood), the times, and whether other phones in the household are affected, in a support ticket in the network category. Before escalating, check get_subscription_detail for an open mobile incident in the customer's area, and ask the customer to restart the phone and check for a handset software update.

Escalation: when a customer has ${DROPPED_CALL_INVESTIGATION_THRESHOLD} or more open network tickets about dropped calls in the same area within 30 days, the case qualifies for a network investigation by the radio engineering team. Do not keep opening a duplicate ticket for each new report: open one escalation ticket in the network category with priority high that lists the earlier tickets and the affected area, and asks for a network investigation. Under the service-level agreement (SLA) the engineering team reports its findings within ${DROPPED_CALL_SLA_BUSINESS_DAYS} business days.

SLA credits: if the investigation confirms a coverage fault, the customer receives a credit of ${DROPPED_CALL_CREDIT_PERCENT_PER_WEEK}% of the monthly plan fee for each full week the fault remains unfixed after confirmation, up to 50% of the fee per month. Until the fix, suggest Wi-Fi calling, which is free on all Contoso mobile plans.`,
  },
];
