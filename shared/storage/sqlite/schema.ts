// Schema migrations of the embedded store, applied in order; PRAGMA user_version records how
// many have run. Append new steps; never edit a released one.

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE customers (
    customer_id    INTEGER PRIMARY KEY,
    first_name     TEXT NOT NULL,
    last_name      TEXT NOT NULL,
    email          TEXT NOT NULL,
    phone          TEXT NOT NULL,
    address        TEXT NOT NULL,
    city           TEXT NOT NULL,
    loyalty_level  TEXT NOT NULL,
    account_status TEXT NOT NULL,
    joined_on      TEXT NOT NULL
  );
  CREATE TABLE products (
    product_id        INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    category          TEXT NOT NULL,
    description       TEXT NOT NULL,
    monthly_fee       REAL NOT NULL,
    data_cap_gb       REAL,
    speed_tier_mbps   INTEGER,
    roaming_available INTEGER NOT NULL
  );
  CREATE TABLE subscriptions (
    subscription_id    INTEGER PRIMARY KEY,
    customer_id        INTEGER NOT NULL REFERENCES customers(customer_id),
    product_id         INTEGER NOT NULL REFERENCES products(product_id),
    status             TEXT NOT NULL,
    service_status     TEXT NOT NULL,
    start_date         TEXT NOT NULL,
    end_date           TEXT,
    roaming_enabled    INTEGER NOT NULL,
    autopay_enabled    INTEGER NOT NULL,
    data_cap_gb        REAL,
    speed_tier_mbps    INTEGER,
    service_identifier TEXT NOT NULL
  );
  CREATE INDEX subscriptions_by_customer ON subscriptions(customer_id, subscription_id);
  CREATE TABLE seed_state (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    doc TEXT NOT NULL
  );
  `,
];
