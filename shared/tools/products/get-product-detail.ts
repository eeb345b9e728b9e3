// get_product_detail: one product of the catalogue.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { requireProduct } from '../common/lookups.js';
import { idSchema, productSchema, READ_ONLY } from '../common/schemas.js';
import { productView } from '../common/views.js';

export const getProductDetail = defineTool({
  name: 'get_product_detail',
  title: 'Product detail',
  description: 'Returns one product: name, category, description, monthly fee, data cap, speed tier and roaming availability.',
  input: z.object({ product_id: idSchema('product') }),
  output: productSchema,
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    return productView(await requireProduct(ctx.store, input.product_id));
  },
  summarize: (p) =>
    `#${p.product_id} ${p.name} (${p.category}), EUR ${p.monthly_fee}/month: ${p.description}` +
    `${p.data_cap_gb === null ? '' : ` Data cap ${p.data_cap_gb} GB.`}${p.speed_tier_mbps === null ? '' : ` ${p.speed_tier_mbps} Mbit/s.`}`,
});
