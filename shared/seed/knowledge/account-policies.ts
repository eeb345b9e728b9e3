// Knowledge-base policies about the account and the line: unlocking after failed sign-ins,
// SIM replacement and plan changes. Figures come from policy-terms.ts.
import type { KnowledgeDocument } from '../../domain/knowledge/knowledge-document.js';
import { FAILED_SIGN_INS_BEFORE_LOCK, RETROACTIVE_UPGRADE_DAYS } from '../policy-terms.js';

export const ACCOUNT_POLICIES: readonly KnowledgeDocument[] = [
  {
    documentId: 8,
    slug: 'account-unlock-identity-verification',
    title: 'Unlocking a locked account: identity verification',
    category: 'account',
    tags: ['account', 'locked', 'unlock', 'identity', 'verification', 'sign-in', 'security'],
    content: `A My Contoso account is locked automatically after ${FAILED_SIGN_INS_BEFORE_LOCK} failed sign-in attempts within 15 minutes. A locked account cannot sign in until support unlocks it. Always review the security log (get_security_logs) first: note how many sign-ins failed, when, and from which IP addresses, and compare them with the addresses of the customer's earlier successful sign-ins.

Identity verification is mandatory before any unlock. The customer must confirm two of the following: the email address on file, the mobile number or service address of one of their subscriptions, the amount of their most recent invoice. Never read these details out for the customer to confirm, and never unlock on the say-so of a third party. If verification fails, do not unlock; ask the customer to visit a Contoso store with photo ID.

After successful verification, unlock the account with unlock_account, giving the verification method as the reason. If the failed attempts came from an IP address the customer does not recognise, treat the lock as a possible account-takeover attempt: advise the customer to reset their password immediately and to enrol an authenticator app for two-step verification, and open a support ticket in the account category. If the customer simply forgot the password, send the password-reset link after the unlock.`,
  },
  {
    documentId: 9,
    slug: 'sim-replacement',
    title: 'SIM replacement and eSIM transfer',
    category: 'device',
    tags: ['sim', 'esim', 'lost phone', 'stolen', 'replacement'],
    content: `A customer whose SIM card is lost, stolen, damaged or no longer recognised by the phone can get a replacement with the same number. If the phone or SIM was lost or stolen, block the line first so that nobody else can make calls or use data on the customer's account; blocking takes effect within minutes and can be reversed when the replacement is active.

Replacement options: an eSIM can be issued immediately and activated by scanning a QR code sent to the customer's email address on file; a physical SIM is posted to the billing address and arrives within 2 business days, or can be collected the same day from a Contoso store with photo ID. A replacement SIM costs EUR 5.00, waived for Gold and Platinum members and for faulty SIMs.

Before ordering a replacement, verify the customer's identity as for an account unlock: SIM swaps are a common fraud route. Never send a replacement SIM to an address other than the billing address without a store visit.

Moving an eSIM to a new phone is free: the customer starts the transfer on the new phone and confirms it with a code sent by text message to the old one. The old eSIM stops working as soon as the transfer completes.`,
  },
  {
    documentId: 10,
    slug: 'plan-changes',
    title: 'Changing plans: upgrades and downgrades',
    category: 'plans',
    tags: ['plans', 'upgrade', 'downgrade', 'proration', 'contract'],
    content: `Customers can change their plan at any time without a fee. Upgrades to a plan with a higher monthly fee take effect immediately: the current period is prorated, so the customer pays the old fee for the days before the change and the new fee for the rest of the period, and a larger data allowance or faster speed tier is available straight away.

Downgrades to a cheaper plan take effect at the start of the next billing period, so the customer keeps what they paid for until then. A downgrade cannot be reversed free of charge within the same period. Customers with a device bought on instalments keep paying the instalments whatever plan they choose.

Moving between categories (for example from Home 4G Router to fibre) is a new subscription rather than a plan change: the fibre line is installed first and the old subscription cancelled once the new one is active, so the customer is never without service.

Upgrades made within ${RETROACTIVE_UPGRADE_DAYS} days of an invoice that contained data overage can be applied retroactively to that invoice's period; see the data overage policy. Before recommending a plan, look at the customer's last three months of usage: a customer regularly above 80% of the data cap is better off on the next plan up.`,
  },
];
