// A product in the Contoso catalogue: a plan or service a subscription is for.

export const PRODUCT_CATEGORIES = ['mobile', 'internet', 'tv', 'bundle'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export interface Product {
  productId: number;
  name: string;
  category: ProductCategory;
  description: string;
  /** Monthly fee in euros, two decimals. */
  monthlyFee: number;
  /** Included data per month in GB; null means unlimited or not applicable. */
  dataCapGb: number | null;
  /** Download speed in Mbit/s for internet products; null otherwise. */
  speedTierMbps: number | null;
  roamingAvailable: boolean;
}
