// get_promotions: the promotions running today.
import * as z from 'zod';
import { todayOf } from '../../time/clock.js';
import { isActiveOn } from '../../domain/promotions/promotion.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { READ_ONLY } from '../common/schemas.js';
import { describePromotion, promotionSchema, promotionView } from './promotion-views.js';

export const getPromotions = defineTool({
  name: 'get_promotions',
  title: 'Active promotions',
  description: 'Lists the promotions active today, with the loyalty levels and products each applies to.',
  input: z.object({}),
  output: z.object({ as_of: z.string(), promotions: z.array(promotionSchema) }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(_input, ctx) {
    const today = todayOf(ctx.clock);
    const promotions = (await ctx.store.promotions.list()).filter((p) => isActiveOn(p, today));
    return { as_of: today, promotions: promotions.map(promotionView) };
  },
  summarize: (r) => `Promotions active on ${r.as_of}:\n${r.promotions.map(describePromotion).join('\n') || 'none'}`,
});
