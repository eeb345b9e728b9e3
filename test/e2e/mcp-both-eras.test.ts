// End to end over real HTTP against the local host: a 2025-11-25 client (initialize) and a
// 2026-07-28 client (server/discover) list the tools and call each one; results are checked
// against the seed generated in-process from the same settings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { ROLES } from '../../shared/identity/principal.js';
import { generateDataset } from '../../shared/seed/generate-dataset.js';
import { CONTOSO_TOOLS } from '../../shared/tools/registry.js';
import { connectClient, type Era } from '../support/mcp-clients.js';
import { startLocalHost, TEST_ANCHOR_DATE, type LocalHostProcess } from '../support/local-host-process.js';

const seed = generateDataset({ customerCount: 250, anchorDate: TEST_ANCHOR_DATE });

type Structured = Record<string, unknown>;

async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  return result as { isError?: boolean; structuredContent?: Structured; content: Array<{ type: string; text?: string }> };
}

for (const era of ['2025-11-25', '2026-07-28'] as Era[]) {
  describe(`MCP over HTTP, ${era} client`, () => {
    let host: LocalHostProcess;
    let client: Client;

    before(async () => {
      host = await startLocalHost();
      client = await connectClient(host.mcpUrl, era, await host.authHeaders());
    });
    after(async () => {
      await client?.close();
      await host?.stop();
    });

    it('negotiates the expected protocol era', () => {
      assert.equal(client.getNegotiatedProtocolVersion(), era);
      assert.equal(client.getServerVersion()?.name, 'contoso-mcp');
    });

    it('lists every registered tool with input and output schemas and annotations', async () => {
      const { tools } = await client.listTools();
      assert.deepEqual(
        tools.map((t) => t.name).sort(),
        CONTOSO_TOOLS.map((t) => t.name).sort(),
      );
      for (const tool of tools) {
        assert.equal(tool.inputSchema.type, 'object', tool.name);
        assert.equal(tool.outputSchema?.type, 'object', tool.name);
        const declared = CONTOSO_TOOLS.find((t) => t.name === tool.name);
        assert.equal(tool.annotations?.readOnlyHint, declared?.annotations.readOnlyHint, tool.name);
        // trouble_shoot_device is open to readers but not read-only: it starts a job of the caller's
        // own, and its one write to customer data (a ticket) happens only under the write role.
        const readerJob = tool.name === 'trouble_shoot_device';
        assert.equal(tool.annotations?.readOnlyHint || readerJob, declared?.roles.every((role) => role === ROLES.read), `${tool.name}: read tools need only the read role`);
        assert.ok((tool.description ?? '').length > 20, tool.name);
        // Schemas as clients see them: 2020-12 by default, no dialect declared, no ±2^53 integer bounds.
        const schemas = JSON.stringify([tool.inputSchema, tool.outputSchema]);
        assert.doesNotMatch(schemas, /"\$schema"|9007199254740991/, tool.name);
      }
      const detail = tools.find((t) => t.name === 'get_customer_detail');
      assert.deepEqual(detail?.inputSchema.required, ['customer_id']);
      assert.equal(((detail?.inputSchema.properties as Structured)?.customer_id as Structured)?.type, 'integer');
    });

    it('get_customer_detail returns the seeded profile with its subscriptions', async () => {
      const expected = seed.customers[17]!;
      const result = await call(client, 'get_customer_detail', { customer_id: expected.customerId });
      assert.equal(result.isError, undefined);
      const body = result.structuredContent!;
      assert.equal(body.customer_id, expected.customerId);
      assert.equal(body.first_name, expected.firstName);
      assert.equal(body.email, expected.email);
      assert.equal(body.loyalty_level, expected.loyaltyLevel);
      assert.equal(body.joined_on, expected.joinedOn);
      const subs = body.subscriptions as Structured[];
      const expectedSubs = seed.subscriptions.filter((s) => s.customerId === expected.customerId);
      assert.deepEqual(subs.map((s) => s.subscription_id), expectedSubs.map((s) => s.subscriptionId));
      assert.deepEqual(JSON.parse(result.content[0]?.text ?? ''), body);
      assert.match(result.content[1]?.text ?? '', new RegExp(`Customer #${expected.customerId} ${expected.firstName}`));
    });

    it('get_subscription_detail joins the product fields', async () => {
      const sub = seed.subscriptions[5]!;
      const product = seed.products.find((p) => p.productId === sub.productId)!;
      const body = (await call(client, 'get_subscription_detail', { subscription_id: sub.subscriptionId })).structuredContent!;
      assert.equal(body.subscription_id, sub.subscriptionId);
      assert.equal(body.customer_id, sub.customerId);
      assert.equal(body.status, sub.status);
      assert.equal(body.roaming_enabled, sub.roamingEnabled);
      assert.equal(body.product_name, product.name);
      assert.equal(body.monthly_fee, product.monthlyFee);
      assert.equal(body.product_description, product.description);
    });

    it('get_products lists the catalogue and filters by category', async () => {
      const all = (await call(client, 'get_products', {})).structuredContent!.products as Structured[];
      assert.equal(all.length, seed.products.length);
      const internet = (await call(client, 'get_products', { category: 'internet' })).structuredContent!.products as Structured[];
      assert.deepEqual(
        internet.map((p) => p.product_id),
        seed.products.filter((p) => p.category === 'internet').map((p) => p.productId),
      );
    });

    it('get_product_detail returns one product', async () => {
      const product = seed.products[6]!;
      const body = (await call(client, 'get_product_detail', { product_id: product.productId })).structuredContent!;
      assert.equal(body.name, product.name);
      assert.equal(body.speed_tier_mbps, product.speedTierMbps);
    });

    it('get_all_customers pages through every customer exactly once', async () => {
      const seen: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const body = (await call(client, 'get_all_customers', { limit: 37, ...(cursor ? { cursor } : {}) })).structuredContent!;
        const customers = body.customers as Structured[];
        assert.ok(customers.length <= 37);
        seen.push(...customers.map((c) => c.customer_id as number));
        cursor = (body.next_cursor as string | null) ?? undefined;
        pages += 1;
      } while (cursor);
      assert.equal(pages, Math.ceil(seed.customers.length / 37));
      assert.deepEqual(seen, seed.customers.map((c) => c.customerId));
    });

    it('answers unknown ids with a clear not-found tool error', async () => {
      for (const [name, args] of [
        ['get_customer_detail', { customer_id: 999_999 }],
        ['get_subscription_detail', { subscription_id: 5 }],
        ['get_product_detail', { product_id: 4242 }],
      ] as const) {
        const result = await call(client, name, args);
        assert.equal(result.isError, true, name);
        assert.match(result.content[0]?.text ?? '', /NOT_FOUND: \w+ \d+ was not found/, name);
      }
    });

    it('answers bad arguments with a tool error naming the field', async () => {
      const result = await call(client, 'get_customer_detail', { customer_id: 'abc' });
      assert.equal(result.isError, true);
      assert.match(result.content[0]?.text ?? '', /customer_id/);
      const paging = await call(client, 'get_all_customers', { limit: 1000 });
      assert.equal(paging.isError, true);
      assert.match(paging.content[0]?.text ?? '', /limit/);
      const cursor = await call(client, 'get_all_customers', { cursor: 'not-a-cursor' });
      assert.equal(cursor.isError, true);
      assert.match(cursor.content[0]?.text ?? '', /INVALID_ARGUMENT: cursor/);
    });
  });
}
