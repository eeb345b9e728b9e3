// Customers in the embedded store: prepared statements built once, rows mapped to the domain.
// update() reads, asks the caller's decide function and writes customer and security events in
// one immediate transaction, so the change is decided against the row it overwrites.
import type { AccountStatus, Customer, LoyaltyLevel } from '../../domain/customers/customer.js';
import { NotFoundError } from '../../errors/domain-error.js';
import type { CustomerChange, CustomerRepo } from '../contoso-store.js';
import type { Page, PageRequest } from '../page.js';
import { writeOrConflict } from './constraint-error.js';
import { decodeCursor, encodeCursor } from '../id-cursor.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';
import { INSERT_SECURITY_EVENT, type SecurityEventRow, toSecurityEventRow } from './security-log-repo.js';

export interface CustomerRow {
  customer_id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  loyalty_level: string;
  account_status: string;
  joined_on: string;
}

export function toCustomer(row: CustomerRow): Customer {
  return {
    customerId: row.customer_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    city: row.city,
    loyaltyLevel: row.loyalty_level as LoyaltyLevel,
    accountStatus: row.account_status as AccountStatus,
    joinedOn: row.joined_on,
  };
}

export function toCustomerRow(customer: Customer): CustomerRow {
  return {
    customer_id: customer.customerId,
    first_name: customer.firstName,
    last_name: customer.lastName,
    email: customer.email,
    phone: customer.phone,
    address: customer.address,
    city: customer.city,
    loyalty_level: customer.loyaltyLevel,
    account_status: customer.accountStatus,
    joined_on: customer.joinedOn,
  };
}

export const INSERT_CUSTOMER = `INSERT INTO customers VALUES (@customer_id, @first_name, @last_name, @email, @phone,
  @address, @city, @loyalty_level, @account_status, @joined_on)`;

export function createSqliteCustomerRepo(db: SqliteDatabase): CustomerRepo {
  const byId = prepareRows<[number], CustomerRow>(db, 'SELECT * FROM customers WHERE customer_id = ?');
  const pageAfter = prepareRows<[number, number], CustomerRow>(db, 'SELECT * FROM customers WHERE customer_id > +? ORDER BY customer_id LIMIT ?',
  );
  const countAll = prepareRows<[], { n: number }>(db, 'SELECT COUNT(*) AS n FROM customers');
  const updateRow = db.prepare<[CustomerRow]>(`UPDATE customers SET first_name = @first_name, last_name = @last_name,
    email = @email, phone = @phone, address = @address, city = @city, loyalty_level = @loyalty_level,
    account_status = @account_status, joined_on = @joined_on WHERE customer_id = @customer_id`);
  const insertEvent = db.prepare<[SecurityEventRow]>(INSERT_SECURITY_EVENT);

  const applyChange = db.transaction((customerId: number, decide: (current: Customer) => CustomerChange): CustomerChange => {
    const row = byId.get(customerId);
    if (!row) throw new NotFoundError('Customer', customerId);
    const change = decide(toCustomer(row));
    if (change.customer.customerId !== customerId) throw new TypeError('A customer change must keep the customer id');
    updateRow.run(toCustomerRow(change.customer));
    for (const event of change.events) {
      if (event.customerId !== customerId) throw new TypeError('A customer change may only add events of that customer');
      writeOrConflict(() => insertEvent.run(toSecurityEventRow(event)), `Security event ${event.eventId} already exists`, {
        event_id: event.eventId,
      });
    }
    return change;
  });

  return {
    async get(customerId) {
      const row = byId.get(customerId);
      return row ? toCustomer(row) : null;
    },
    async list(page: PageRequest): Promise<Page<Customer>> {
      const after = decodeCursor(page.cursor);
      const rows = pageAfter.all(after, page.limit + 1);
      const items = rows.slice(0, page.limit).map(toCustomer);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last.customerId) : null };
    },
    async count() {
      return countAll.get()?.n ?? 0;
    },
    async update<C extends CustomerChange>(customerId: number, decide: (current: Customer) => C): Promise<C> {
      // The transaction returns what decide returned, so the narrowing back to C holds.
      return applyChange.immediate(customerId, decide) as C;
    },
  };
}
