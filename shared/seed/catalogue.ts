// The fixed Contoso product catalogue. Ids are stable: agents and scenarios refer to them.
import type { Product } from '../domain/products/product.js';

export const PRODUCT_CATALOGUE: readonly Product[] = [
  { productId: 1, name: 'Mobile Essentials 5 GB', category: 'mobile', description: 'SIM-only plan with 5 GB of data, unlimited calls and texts in the EU.', monthlyFee: 15, dataCapGb: 5, speedTierMbps: null, roamingAvailable: true },
  { productId: 2, name: 'Mobile Plus 20 GB', category: 'mobile', description: 'SIM-only plan with 20 GB of data, 5G access and EU roaming included.', monthlyFee: 25, dataCapGb: 20, speedTierMbps: null, roamingAvailable: true },
  { productId: 3, name: 'Mobile Unlimited', category: 'mobile', description: 'Unlimited data on 5G with worldwide roaming available as an add-on.', monthlyFee: 45, dataCapGb: null, speedTierMbps: null, roamingAvailable: true },
  { productId: 4, name: 'Mobile Basic 2 GB', category: 'mobile', description: 'Entry plan with 2 GB of data; roaming not available.', monthlyFee: 9.5, dataCapGb: 2, speedTierMbps: null, roamingAvailable: false },
  { productId: 5, name: 'Fibre 100', category: 'internet', description: 'Home fibre broadband at 100 Mbit/s with Wi-Fi 6 router.', monthlyFee: 30, dataCapGb: null, speedTierMbps: 100, roamingAvailable: false },
  { productId: 6, name: 'Fibre 500', category: 'internet', description: 'Home fibre broadband at 500 Mbit/s with mesh Wi-Fi.', monthlyFee: 45, dataCapGb: null, speedTierMbps: 500, roamingAvailable: false },
  { productId: 7, name: 'Fibre 1000', category: 'internet', description: 'Gigabit home fibre with priority support.', monthlyFee: 60, dataCapGb: null, speedTierMbps: 1000, roamingAvailable: false },
  { productId: 8, name: 'Home 4G Router 200 GB', category: 'internet', description: 'Wireless home internet over 4G/5G with a 200 GB monthly cap.', monthlyFee: 35, dataCapGb: 200, speedTierMbps: 50, roamingAvailable: false },
  { productId: 9, name: 'TV Starter', category: 'tv', description: '60 channels with 7-day replay on one screen.', monthlyFee: 12, dataCapGb: null, speedTierMbps: null, roamingAvailable: false },
  { productId: 10, name: 'TV Premium', category: 'tv', description: '180 channels, sports and movies, four screens in HD.', monthlyFee: 35, dataCapGb: null, speedTierMbps: null, roamingAvailable: false },
  { productId: 11, name: 'Home Bundle', category: 'bundle', description: 'Fibre 500, TV Starter and a Mobile Plus line at a bundled price.', monthlyFee: 79, dataCapGb: 20, speedTierMbps: 500, roamingAvailable: true },
  { productId: 12, name: 'Family Bundle', category: 'bundle', description: 'Fibre 1000, TV Premium and four Mobile Plus lines.', monthlyFee: 139, dataCapGb: 80, speedTierMbps: 1000, roamingAvailable: true },
];
