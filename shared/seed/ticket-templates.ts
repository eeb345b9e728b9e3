// What generated support tickets are about: a subject and description per category, for the
// kind of service they suit. Plain text without dates, so a different anchor changes nothing.
import type { ProductCategory } from '../domain/products/product.js';
import type { TicketCategory, TicketPriority } from '../domain/support/support-ticket.js';

export interface TicketTemplate {
  category: TicketCategory;
  priority: TicketPriority;
  /** Services the ticket can be about; empty means any. */
  services: readonly ProductCategory[];
  subject: string;
  description: string;
}

export const TICKET_TEMPLATES: readonly TicketTemplate[] = [
  { category: 'billing', priority: 'normal', services: [], subject: 'Question about a charge on my invoice', description: 'Customer asked what one of the lines on the latest invoice is for and whether it will repeat next month.' },
  { category: 'billing', priority: 'low', services: [], subject: 'Change of billing address', description: 'Customer moved and wants invoices sent to the new address. Address updated after verification.' },
  { category: 'billing', priority: 'normal', services: [], subject: 'Switch to paperless billing and autopay', description: 'Customer wants to stop paper invoices and pay by direct debit from now on.' },
  { category: 'technical', priority: 'normal', services: ['internet', 'bundle'], subject: 'Wi-Fi drops in the evening', description: 'Wi-Fi disconnects several times each evening on the upstairs devices; wired connection is stable. Suggested moving the router and changing the Wi-Fi channel.' },
  { category: 'technical', priority: 'high', services: ['internet'], subject: 'Router not syncing after power cut', description: 'The router shows a red light after a power cut and the line does not come back. Remote reset performed.' },
  { category: 'technical', priority: 'normal', services: ['tv', 'bundle'], subject: 'TV box stuck on loading screen', description: 'The TV box does not get past the loading screen. Factory reset walked through by phone.' },
  { category: 'network', priority: 'normal', services: ['mobile', 'bundle'], subject: 'No 5G signal at home', description: 'Phone shows 4G only at the home address although the coverage map shows 5G. Checked handset settings.' },
  { category: 'network', priority: 'normal', services: ['mobile', 'bundle'], subject: 'Mobile data slow in the city centre', description: 'Mobile data is very slow in the city centre at lunchtime. No incident open for the area at the time.' },
  { category: 'account', priority: 'normal', services: [], subject: 'Forgot password for the online account', description: 'Customer could not sign in and asked for help resetting the password. Reset link sent to the email on file.' },
  { category: 'account', priority: 'low', services: [], subject: 'Add a second contact person', description: 'Customer wants a family member to be able to discuss the account with support.' },
  { category: 'device', priority: 'normal', services: ['mobile', 'bundle'], subject: 'Phone screen cracked', description: 'Customer asked about repair options for a cracked screen on a phone bought from Contoso.' },
  { category: 'device', priority: 'normal', services: [], subject: 'Replacement SIM needed', description: 'The SIM card stopped being recognised by the phone. Replacement SIM ordered.' },
  { category: 'sales', priority: 'low', services: [], subject: 'Interested in a faster plan', description: 'Customer asked about upgrading to a plan with more data or speed and the price difference.' },
  { category: 'other', priority: 'low', services: [], subject: 'Feedback on the store visit', description: 'Customer wanted to pass on thanks for helpful staff in the store.' },
];
