// get_products: the product catalogue, optionally one category.
import * as z from 'zod';
import { PRODUCT_CATEGORIES } from '../../domain/products/product.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { productSchema, READ_ONLY } from '../common/schemas.js';
import { productView } from '../common/views.js';

export const getProducts = defineTool({
  name: 'get_products',
  title: 'Product catalogue',
  description: 'Lists Contoso products (mobile, internet, tv, bundle) with fees, data caps and speed tiers.',
  input: z.object({
    category: z.enum(PRODUCT_CATEGORIES).optional().describe('Only products of this category'),
  }),
  output: z.object({ products: z.array(productSchema) }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    const products = await ctx.store.products.list({ category: input.category });
    return { products: products.map(productView) };
  },
  summarize: (out) =>
    out.products.map((p) => `#${p.product_id} ${p.name} (${p.category}) EUR ${p.monthly_fee}/month`).join('\n') || 'No products.',
});
