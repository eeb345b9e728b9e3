// The fixed list of Contoso promotions, dated relative to the anchor: several running now for
// particular loyalty levels, one that has ended and one announced that starts in two weeks.
// The loyalty-promotions scenario (a Gold customer) relies on this mix.
import type { Promotion } from '../domain/promotions/promotion.js';
import { addDays } from '../time/calendar.js';

export function buildPromotions(anchorDate: string): Promotion[] {
  const day = (offset: number) => addDays(anchorDate, offset);
  return [
    {
      promotionId: 1,
      name: 'Gigabit Loyalty Upgrade',
      description: '20% off Fibre 1000 for twelve months for Gold and Platinum members upgrading their home broadband.',
      eligibleLoyaltyLevels: ['Gold', 'Platinum'],
      productIds: [7],
      discountPercent: 20,
      startDate: day(-30),
      endDate: day(60),
    },
    {
      promotionId: 2,
      name: 'Loyalty Unlimited Mobile',
      description: '15% off Mobile Plus 20 GB and Mobile Unlimited for Gold and Platinum members.',
      eligibleLoyaltyLevels: ['Gold', 'Platinum'],
      productIds: [2, 3],
      discountPercent: 15,
      startDate: day(-15),
      endDate: day(45),
    },
    {
      promotionId: 3,
      name: 'Platinum TV Premium',
      description: '30% off TV Premium for Platinum members.',
      eligibleLoyaltyLevels: ['Platinum'],
      productIds: [10],
      discountPercent: 30,
      startDate: day(-20),
      endDate: day(40),
    },
    {
      promotionId: 4,
      name: 'Step Up to Mobile Plus',
      description: '25% off Mobile Plus 20 GB for Bronze and Silver members moving up from a smaller plan.',
      eligibleLoyaltyLevels: ['Bronze', 'Silver'],
      productIds: [2],
      discountPercent: 25,
      startDate: day(-10),
      endDate: day(50),
    },
    {
      promotionId: 5,
      name: 'Family Bundle Saver',
      description: '10% off the Family Bundle for every customer.',
      eligibleLoyaltyLevels: [],
      productIds: [12],
      discountPercent: 10,
      startDate: day(-45),
      endDate: day(30),
    },
    {
      promotionId: 6,
      name: 'Summer Streaming Sale',
      description: '50% off TV Starter for three months. This offer has ended.',
      eligibleLoyaltyLevels: [],
      productIds: [9],
      discountPercent: 50,
      startDate: day(-120),
      endDate: day(-60),
    },
    {
      promotionId: 7,
      name: 'Gold Early Access: Home Bundle',
      description: 'Announced: 25% off the Home Bundle for Gold and Platinum members, starting in two weeks.',
      eligibleLoyaltyLevels: ['Gold', 'Platinum'],
      productIds: [11],
      discountPercent: 25,
      startDate: day(14),
      endDate: day(74),
    },
  ];
}
