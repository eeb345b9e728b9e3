// The Contoso knowledge base: every policy document, ordered by id. The documents are plain
// data split by topic into the neighbouring files; this only gathers them in one list.
import type { KnowledgeDocument } from '../../domain/knowledge/knowledge-document.js';
import { ACCOUNT_POLICIES } from './account-policies.js';
import { BILLING_POLICIES } from './billing-policies.js';
import { NETWORK_POLICIES } from './network-policies.js';
import { SALES_POLICIES } from './sales-policies.js';

/** Fresh copies of every knowledge document, ordered by documentId. */
export function buildKnowledgeBase(): KnowledgeDocument[] {
  return [...BILLING_POLICIES, ...NETWORK_POLICIES, ...ACCOUNT_POLICIES, ...SALES_POLICIES]
    .map((document) => ({ ...document, tags: [...document.tags] }))
    .sort((a, b) => a.documentId - b.documentId);
}
