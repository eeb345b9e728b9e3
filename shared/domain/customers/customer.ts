// A Contoso customer as the domain sees it (camelCase; tools map to snake_case at their edge).

export const LOYALTY_LEVELS = ['Bronze', 'Silver', 'Gold', 'Platinum'] as const;
export type LoyaltyLevel = (typeof LOYALTY_LEVELS)[number];

export const ACCOUNT_STATUSES = ['active', 'locked', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface Customer {
  customerId: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  loyaltyLevel: LoyaltyLevel;
  accountStatus: AccountStatus;
  /** Day the customer joined (YYYY-MM-DD). */
  joinedOn: string;
}
