// Step 9's reasoning, pure: from the findings, the diagnosis, what to do about it (with the
// Contoso tool that does it) and whether a support ticket is warranted. The first matching cause
// wins, in order of what blocks service most plainly.
import type { Finding, RecommendedAction } from '../troubleshoot-job.js';

export interface Diagnosis {
  diagnosis: string;
  actions: RecommendedAction[];
  /** A ticket should be opened (category, priority, subject) when the job may open one. */
  ticket: { category: 'network' | 'technical' | 'billing' | 'account'; priority: 'normal' | 'high'; subject: string } | null;
}

interface DiagnosisInput {
  customerId: number;
  subscriptionId: number;
  symptom: string;
  findings: readonly Finding[];
}

const action = (text: string, tool: string | null = null, args: Record<string, unknown> | null = null): RecommendedAction => ({ action: text, tool, arguments: args });

export function diagnose({ customerId, subscriptionId, findings }: DiagnosisInput): Diagnosis {
  const by = (step: string) => findings.find((f) => f.step === step);
  const account = by('account_and_billing');
  const area = by('area_incidents');
  const history = by('support_history');
  const usage = by('usage_pattern');
  const line = by('line_test');

  if (account?.outcome === 'problem' && account.facts.account_status === 'locked') {
    return {
      diagnosis: 'The customer cannot use the service because the account is locked.',
      actions: [action('Verify the customer\'s identity, then unlock the account', 'unlock_account', { customer_id: customerId })],
      ticket: null,
    };
  }
  if (account?.outcome === 'problem' && account.facts.subscription_status === 'suspended') {
    const overdue = Number(account.facts.overdue_eur ?? 0);
    return {
      diagnosis: `The line is suspended${overdue > 0 ? ` because EUR ${overdue.toFixed(2)} is overdue` : ''}; service returns once the suspension is lifted.`,
      actions: [action('Settle the overdue invoice(s); service is restored within 4 hours of payment', 'get_billing_summary', { customer_id: customerId })],
      ticket: null,
    };
  }
  if (area?.outcome === 'problem') {
    const expected = area.facts.expected_resolution_at ? `; engineers expect it fixed by ${String(area.facts.expected_resolution_at)}` : '';
    return {
      diagnosis: `A known incident explains the symptom: ${area.summary.replace(/^Incident /, 'incident ')}${expected}. No technician visit is needed.`,
      actions: [action('Tell the customer about the incident and its expected resolution; an incident credit follows automatically when it lasted more than 24 hours')],
      ticket: null,
    };
  }
  if (history?.outcome === 'problem') {
    return {
      diagnosis: `Repeated reports from this line with no known incident: ${history.summary}. The case needs a network escalation rather than another duplicate ticket.`,
      actions: [
        action('Open one high-priority network escalation ticket that lists the earlier reports', 'create_support_ticket', { customer_id: customerId, subscription_id: subscriptionId, category: 'network', priority: 'high' }),
        action('Suggest Wi-Fi calling while radio engineering investigates (they report within 5 business days)'),
      ],
      ticket: { category: 'network', priority: 'high', subject: 'Network escalation: repeated reports from one line' },
    };
  }
  if (usage?.outcome === 'problem') {
    return {
      diagnosis: `The plan's data allowance is used up this month: ${usage.summary}.`,
      actions: [action('Offer a plan with a larger allowance', 'get_products', { category: 'mobile' })],
      ticket: null,
    };
  }
  if (line?.outcome === 'problem') {
    return {
      diagnosis: `The line test shows a fault with no known cause: ${line.summary}.`,
      actions: [action('Open a technical ticket for a line check', 'create_support_ticket', { customer_id: customerId, subscription_id: subscriptionId, category: 'technical', priority: 'normal' })],
      ticket: { category: 'technical', priority: 'normal', subject: 'Line test failed: technical check needed' },
    };
  }
  return {
    diagnosis: 'No fault found on the account, the line or in the area.',
    actions: [action('Walk the customer through restarting the device and checking its settings'), action('If the problem persists, open a technical ticket', 'create_support_ticket', { customer_id: customerId, subscription_id: subscriptionId, category: 'technical' })],
    ticket: null,
  };
}
