// The tool registry: every Contoso tool, once. The only barrel in the codebase; the README's
// tool table and the e2e tests follow this list.
import type { AnyTool } from '../mcp/define-tool.js';
import { getAllCustomers } from './customers/get-all-customers.js';
import { getCustomerDetail } from './customers/get-customer-detail.js';
import { getProductDetail } from './products/get-product-detail.js';
import { getProducts } from './products/get-products.js';
import { getSubscriptionDetail } from './subscriptions/get-subscription-detail.js';

export const CONTOSO_TOOLS: readonly AnyTool[] = [
  getAllCustomers,
  getCustomerDetail,
  getSubscriptionDetail,
  getProducts,
  getProductDetail,
];
