// get_all_customers: one page of customers in id order, with a cursor for the next page.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { customerSummarySchema, READ_ONLY } from '../common/schemas.js';
import { customerSummaryView } from '../common/views.js';

export const getAllCustomers = defineTool({
  name: 'get_all_customers',
  title: 'List customers',
  description:
    'Lists customers in id order, a page at a time. Pass next_cursor from the previous answer as cursor to get the next page; next_cursor is null on the last page.',
  input: z.object({
    limit: z.number().int().min(1).max(100).default(50).describe('Customers per page, 1-100 (default 50)'),
    cursor: z.string().min(1).max(512).optional().describe('next_cursor from the previous page'),
  }),
  output: z.object({
    customers: z.array(customerSummarySchema),
    next_cursor: z.string().nullable(),
  }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    const page = await ctx.store.customers.list({ limit: input.limit, cursor: input.cursor });
    return { customers: page.items.map(customerSummaryView), next_cursor: page.nextCursor };
  },
  summarize: (out) =>
    `${out.customers.length} customers${out.next_cursor ? ' (more: pass next_cursor as cursor)' : ' (last page)'}:\n` +
    out.customers.map((c) => `#${c.customer_id} ${c.first_name} ${c.last_name} <${c.email}> ${c.loyalty_level}`).join('\n'),
});
