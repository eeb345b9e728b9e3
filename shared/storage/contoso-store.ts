// The storage port: everything tools, seeding and health need from a store. The embedded
// SQLite adapter implements it; the Cosmos DB adapter implements the same interface (customer
// id is the natural partition key), and one contract suite tests both. Writes that must not
// race take a `decide` function the adapter runs atomically against the stored state (a
// transaction in SQLite, an ETag-conditional replace re-run on conflict in Cosmos DB).
//
// A `decide` function returns what to write plus anything else its caller needs, or throws (a
// DomainError for a business rule) to write nothing. It must be pure, with no side effects and
// no assignment to outer variables: an adapter may call it more than once and writes, and
// resolves to, only what the last call returned.
import type { Customer } from '../domain/customers/customer.js';
import type { Invoice, InvoiceWithPayments, Payment } from '../domain/billing/invoice.js';
import type { IncidentStatus, ServiceIncident } from '../domain/incidents/service-incident.js';
import type { DocumentVector, KnowledgeDocument, KnowledgeHit } from '../domain/knowledge/knowledge-document.js';
import type { Order } from '../domain/orders/order.js';
import type { Product, ProductCategory } from '../domain/products/product.js';
import type { Promotion } from '../domain/promotions/promotion.js';
import type { SecurityEvent } from '../domain/security/security-event.js';
import type { Subscription } from '../domain/subscriptions/subscription.js';
import type { SupportTicket } from '../domain/support/support-ticket.js';
import type { DailyUsage } from '../domain/usage/data-usage.js';
import type { DependencyCheck } from '../health/dependency-check.js';
import type { AuditLog } from './audit-log.js';
import type { Page, PageRequest } from './page.js';
import type { SeedDataset, SeedState } from './seed-dataset.js';

/** What a customer decision writes: the customer and the security events recorded with it. */
export interface CustomerChange {
  customer: Customer;
  /** Security events written in the same atomic unit as the customer. */
  events: SecurityEvent[];
}

export interface CustomerRepo {
  get(customerId: number): Promise<Customer | null>;
  /** Customers ordered by id. */
  list(page: PageRequest): Promise<Page<Customer>>;
  count(): Promise<number>;
  /**
   * Atomically writes the customer and events `decide` returns for the stored customer, and
   * resolves to that result. NotFoundError when absent (without calling `decide`).
   */
  update<C extends CustomerChange>(customerId: number, decide: (current: Customer) => C): Promise<C>;
}

export interface ProductRepo {
  get(productId: number): Promise<Product | null>;
  /**
   * All products (the catalogue is small), ordered by id, optionally one category. Read-only: a
   * store may hand out the same array every time (the embedded store does).
   */
  list(filter?: { category?: ProductCategory | undefined }): Promise<readonly Product[]>;
}

/** What a subscription decision writes. */
export interface SubscriptionChange {
  subscription: Subscription;
}

export interface SubscriptionRepo {
  get(subscriptionId: number): Promise<Subscription | null>;
  /** A customer's subscriptions ordered by id (a single-partition read). */
  listByCustomer(customerId: number): Promise<Subscription[]>;
  /**
   * Atomically writes the subscription `decide` returns for the stored one, and resolves to
   * that result. NotFoundError when absent (without calling `decide`).
   */
  update<R extends SubscriptionChange>(subscriptionId: number, decide: (current: Subscription) => R): Promise<R>;
}

/** What a payment decision does: write a new payment, or answer with an earlier one. */
export type PaymentDecision = { kind: 'new'; payment: Payment } | { kind: 'replay'; payment: Payment };

export interface BillingRepo {
  /**
   * An invoice with its payments in the order they were made (paid time, then payment id), or
   * null. Keyed by invoice id alone: the adapter finds the invoice's customer partition itself.
   */
  getInvoiceWithPayments(invoiceId: number): Promise<InvoiceWithPayments | null>;
  /**
   * Every invoice of a customer, newest period first (then higher id first), each with its
   * payments in the order they were made: one read of the customer's partition.
   */
  listInvoicesWithPayments(customerId: number): Promise<InvoiceWithPayments[]>;
  /**
   * Atomically reads the invoice and its payments, asks `decide` what to do, on `new` writes
   * the payment (bumping the invoice version), and resolves to what `decide` returned. `decide`
   * sees every payment written before, so idempotency-key replays and the no-overpay rule hold
   * under concurrency. NotFoundError when the invoice is absent (without calling `decide`).
   */
  addPayment<D extends PaymentDecision>(invoiceId: number, decide: (invoice: Invoice, payments: readonly Payment[]) => D): Promise<D>;
}

export interface UsageRepo {
  /** Daily usage of a subscription from `from` to `to` inclusive (YYYY-MM-DD), in date order. */
  list(subscriptionId: number, from: string, to: string): Promise<DailyUsage[]>;
}

export interface TicketRepo {
  /** A customer's tickets, newest first. */
  listByCustomer(customerId: number): Promise<SupportTicket[]>;
  /**
   * Creates a ticket with a new id no other ticket has (which id is the adapter's business).
   * When `draft.idempotencyKey` is set and the customer already has a ticket with that key,
   * returns that ticket with `replayed: true` and writes nothing.
   */
  create(draft: Omit<SupportTicket, 'ticketId'>): Promise<{ ticket: SupportTicket; replayed: boolean }>;
}

export interface PromotionRepo {
  /** Every promotion, ordered by id. */
  list(): Promise<Promotion[]>;
}

export interface OrderRepo {
  /** A customer's orders, newest first. */
  listByCustomer(customerId: number): Promise<Order[]>;
}

export interface IncidentRepo {
  /** Incidents matching the filter, newest first. */
  list(filter?: { area?: string; category?: ServiceIncident['category']; statuses?: readonly IncidentStatus[] }): Promise<ServiceIncident[]>;
}

export interface SecurityLogRepo {
  /** A customer's security events, newest first, at most `limit`. */
  listByCustomer(customerId: number, limit: number): Promise<SecurityEvent[]>;
}

export interface KnowledgeRepo {
  /**
   * Documents ranked by relevance to `query` (free text: operator characters are data, not
   * query syntax), best first, at most `topK`, each with a positive score (higher is better).
   * A query with no searchable words returns []. How it ranks is the adapter's (FTS5 BM25 in
   * SQLite): score values, tie order, stemming and stop words are not part of the port.
   */
  search(query: string, topK: number): Promise<KnowledgeHit[]>;
  list(): Promise<KnowledgeDocument[]>;
  /**
   * Stores these documents' vectors under `model` (an embedding deployment), replacing that
   * model's earlier vectors of the same documents. replaceAll drops every vector (the documents
   * may have changed); they are not part of the dataset or its export.
   */
  saveVectors(model: string, vectors: readonly DocumentVector[]): Promise<void>;
  /** Every stored vector of `model`, by document id. */
  listVectors(model: string): Promise<DocumentVector[]>;
}

export interface ContosoStore {
  readonly kind: string;
  readonly customers: CustomerRepo;
  readonly products: ProductRepo;
  readonly subscriptions: SubscriptionRepo;
  readonly billing: BillingRepo;
  readonly usage: UsageRepo;
  readonly tickets: TicketRepo;
  readonly promotions: PromotionRepo;
  readonly orders: OrderRepo;
  readonly incidents: IncidentRepo;
  readonly securityLogs: SecurityLogRepo;
  readonly knowledge: KnowledgeRepo;
  /** Operator audit trail: its own collection, outside the dataset (not in exportAll/replaceAll). */
  readonly audit: AuditLog;
  /** What was seeded, or null for an empty store. */
  seedState(): Promise<SeedState | null>;
  /**
   * Replaces all Contoso data with `dataset` and records `state`, atomically where the store
   * can; running it twice (or concurrently) with the same input leaves the same data.
   */
  replaceAll(dataset: SeedDataset, state: SeedState): Promise<void>;
  /** Every record, ordered as SeedDataset documents (for canonical exports and checks). */
  exportAll(): Promise<SeedDataset>;
  /** Throws UnavailableError when the store cannot be reached. */
  ping(): Promise<void>;
  /**
   * The store's entry among /api/ready's dependencies, for adapters behind a resilience policy
   * (Cosmos DB: its breaker state and last failure class); absent for the embedded store.
   */
  check?(): Promise<DependencyCheck>;
  close(): Promise<void>;
}
