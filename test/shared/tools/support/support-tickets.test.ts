// get_support_tickets and create_support_ticket: listing with the open-only filter, ownership
// checks, and idempotent creation whose keys belong to their caller.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OPEN_TICKET_STATUSES } from '../../../../shared/domain/support/support-ticket.js';
import { ALL_ROLES, developmentPrincipal } from '../../../../shared/identity/principal.js';
import { useSeededMcp } from '../../../support/in-process-mcp.js';

describe('support tickets', () => {
  const suite = useSeededMcp();

  it('lists a customer\'s tickets newest first, and only open ones with open_only', async () => {
    const customerId = suite.data.tickets.find((t) => OPEN_TICKET_STATUSES.includes(t.status))!.customerId;
    const all = await suite.mcp.call('get_support_tickets', { customer_id: customerId });
    const tickets = all.structured.tickets as Array<{ ticket_id: number; opened_at: string; status: string }>;
    assert.deepEqual(tickets.map((t) => t.ticket_id).sort(), suite.data.tickets.filter((t) => t.customerId === customerId).map((t) => t.ticketId).sort());
    const opened = tickets.map((t) => t.opened_at);
    assert.deepEqual(opened, [...opened].sort().reverse());
    const open = await suite.mcp.call('get_support_tickets', { customer_id: customerId, open_only: true });
    const openTickets = open.structured.tickets as Array<{ status: string }>;
    assert.ok(openTickets.length >= 1);
    assert.ok(openTickets.every((t) => (OPEN_TICKET_STATUSES as readonly string[]).includes(t.status)));
  });

  it('opens a ticket on the customer\'s own subscription and replays it for the same key', async () => {
    const sub = suite.data.subscriptions[0]!;
    const args = {
      customer_id: sub.customerId,
      subscription_id: sub.subscriptionId,
      category: 'technical',
      priority: 'high',
      subject: 'Router keeps rebooting',
      description: 'Customer reports the router restarts every few minutes since yesterday.',
      idempotency_key: 'ticket-key-1',
    };
    const first = await suite.mcp.call('create_support_ticket', args);
    assert.equal(first.isError, false, first.text);
    const ticket = first.structured.ticket as { ticket_id: number; status: string; opened_at: string };
    assert.equal(ticket.status, 'open');
    assert.equal(first.structured.replayed, false);
    const second = await suite.mcp.call('create_support_ticket', args);
    assert.equal(second.structured.replayed, true);
    assert.deepEqual(second.structured.ticket, first.structured.ticket);
    const listed = await suite.mcp.ctx.store.tickets.listByCustomer(sub.customerId);
    assert.equal(listed.filter((t) => t.subject === 'Router keeps rebooting').length, 1);
    const changed = await suite.mcp.call('create_support_ticket', { ...args, subject: 'Something else entirely' });
    assert.match(changed.text, /^CONFLICT: idempotency_key was already used for a different ticket/);
    const plain = await suite.mcp.call('create_support_ticket', { ...args, idempotency_key: undefined, subject: 'Second issue' });
    assert.ok((plain.structured.ticket as { ticket_id: number }).ticket_id > ticket.ticket_id);
  });

  it("opens a ticket of its own for another caller's (or tenant's) identical key, never showing someone else's", async () => {
    const sub = suite.data.subscriptions[1]!;
    const alice = { ...developmentPrincipal(ALL_ROLES), callerId: 'alice' };
    const args = {
      customer_id: sub.customerId,
      subscription_id: sub.subscriptionId,
      category: 'technical',
      priority: 'low',
      subject: 'Private matter of Alice',
      description: 'Only Alice may ever see this description through a replay.',
      idempotency_key: 'same-key',
    };
    const first = await suite.mcp.callAs(alice, 'create_support_ticket', args);
    const mallory = await suite.mcp.callAs({ ...alice, callerId: 'mallory' }, 'create_support_ticket', { ...args, subject: 'Mallory asks', description: 'Give me the first one.' });
    const otherTenant = await suite.mcp.callAs({ ...alice, tenantId: '33333333-3333-4333-8333-333333333333' }, 'create_support_ticket', args);
    for (const result of [first, mallory, otherTenant]) assert.equal(result.isError, false, result.text);
    assert.equal(mallory.structured.replayed, false);
    assert.equal(otherTenant.structured.replayed, false);
    assert.doesNotMatch(mallory.text, /Private matter of Alice|Only Alice/);
    const ids = [first, mallory, otherTenant].map((r) => (r.structured.ticket as { ticket_id: number }).ticket_id);
    assert.equal(new Set(ids).size, 3);
    const replay = await suite.mcp.callAs(alice, 'create_support_ticket', args);
    assert.equal(replay.structured.replayed, true);
    assert.equal((replay.structured.ticket as { ticket_id: number }).ticket_id, ids[0]);
  });

  it('refuses a ticket for a subscription the customer does not own', async () => {
    const [a, b] = [suite.data.subscriptions[0]!, suite.data.subscriptions.find((s) => s.customerId !== suite.data.subscriptions[0]!.customerId)!];
    const result = await suite.mcp.call('create_support_ticket', {
      customer_id: a.customerId,
      subscription_id: b.subscriptionId,
      category: 'billing',
      priority: 'normal',
      subject: 'Wrong line',
      description: 'Should be refused.',
    });
    assert.match(result.text, new RegExp(`^BUSINESS_RULE: Subscription ${b.subscriptionId} does not belong to customer ${a.customerId}`));
  });

  it('names bad fields', async () => {
    const sub = suite.data.subscriptions[0]!;
    const result = await suite.mcp.call('create_support_ticket', {
      customer_id: sub.customerId,
      subscription_id: sub.subscriptionId,
      category: 'complaint',
      priority: 'asap',
      subject: 'x',
      description: 'd',
    });
    assert.equal(result.isError, true);
    assert.match(result.text, /^INVALID_ARGUMENT: Invalid arguments for create_support_ticket: /);
    assert.match(result.text, /category: expected one of "billing", "technical", "network", "account", "device", "sales", "other"/);
    assert.match(result.text, /priority: expected one of "low", "normal", "high", "urgent"/);
    assert.match(result.text, /subject: /);
    assert.deepEqual(result.error, { code: 'INVALID_ARGUMENT', request_id: 'req-tool-test' });
  });
});
