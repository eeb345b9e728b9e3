// One PRNG per customer and concern: a customer's profile, billing, usage, tickets, orders and
// sign-ins each draw from their own stream seeded by the customer id, so customer 150 is the
// same whatever the seed size, and changing one concern's generator leaves the others alone.
import { createRandom, type Random } from './prng.js';

const STREAM_SALTS = {
  profile: 0x5eed_c0de,
  billing: 0x0b11_1e55,
  usage: 0x05a6_e0da,
  tickets: 0x7ec4_e7a1,
  orders: 0x0de2_5a1e,
  security: 0x5ec0_0a17,
} as const;

export type RandomStream = keyof typeof STREAM_SALTS;

export function customerRandom(customerId: number, stream: RandomStream): Random {
  return createRandom(Math.imul(customerId, 2_654_435_761) ^ STREAM_SALTS[stream]);
}
