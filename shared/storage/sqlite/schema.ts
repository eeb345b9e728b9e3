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
  `
  CREATE TABLE invoices (
    invoice_id      INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customers(customer_id),
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(subscription_id),
    period_start    TEXT NOT NULL,
    period_end      TEXT NOT NULL,
    issued_on       TEXT NOT NULL,
    due_date        TEXT NOT NULL,
    amount          REAL NOT NULL,
    lines           TEXT NOT NULL, -- JSON array of { description, amount }
    version         INTEGER NOT NULL
  );
  CREATE INDEX invoices_by_customer ON invoices(customer_id, period_start DESC, invoice_id DESC);
  CREATE TABLE payments (
    payment_id        TEXT PRIMARY KEY,
    invoice_id        INTEGER NOT NULL REFERENCES invoices(invoice_id),
    customer_id       INTEGER NOT NULL,
    amount            REAL NOT NULL,
    method            TEXT NOT NULL,
    status            TEXT NOT NULL,
    paid_at           TEXT NOT NULL,
    failure_reason    TEXT,
    idempotency_key   TEXT,
    outstanding_after REAL NOT NULL
  );
  CREATE INDEX payments_by_invoice ON payments(invoice_id, paid_at, payment_id);
  CREATE UNIQUE INDEX payments_idempotency ON payments(invoice_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
  CREATE TABLE daily_usage (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(subscription_id),
    date            TEXT NOT NULL,
    data_gb         REAL NOT NULL,
    roaming_data_gb REAL NOT NULL,
    voice_minutes   REAL NOT NULL,
    sms_count       INTEGER NOT NULL,
    PRIMARY KEY (subscription_id, date)
  ) WITHOUT ROWID;
  CREATE TABLE tickets (
    ticket_id       INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customers(customer_id),
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(subscription_id),
    category        TEXT NOT NULL,
    priority        TEXT NOT NULL,
    status          TEXT NOT NULL,
    subject         TEXT NOT NULL,
    description     TEXT NOT NULL,
    opened_at       TEXT NOT NULL,
    closed_at       TEXT,
    idempotency_key TEXT
  );
  CREATE INDEX tickets_by_customer ON tickets(customer_id, opened_at DESC, ticket_id DESC);
  CREATE UNIQUE INDEX tickets_idempotency ON tickets(customer_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
  CREATE TABLE promotions (
    promotion_id            INTEGER PRIMARY KEY,
    name                    TEXT NOT NULL,
    description             TEXT NOT NULL,
    eligible_loyalty_levels TEXT NOT NULL, -- JSON array of loyalty levels
    product_ids             TEXT NOT NULL, -- JSON array of product ids
    discount_percent        REAL NOT NULL,
    start_date              TEXT NOT NULL,
    end_date                TEXT NOT NULL
  );
  CREATE TABLE orders (
    order_id           INTEGER PRIMARY KEY,
    customer_id        INTEGER NOT NULL REFERENCES customers(customer_id),
    item_name          TEXT NOT NULL,
    item_type          TEXT NOT NULL,
    amount             REAL NOT NULL,
    ordered_on         TEXT NOT NULL,
    status             TEXT NOT NULL,
    delivered_on       TEXT,
    return_received_on TEXT,
    refund_status      TEXT NOT NULL,
    refund_due_by      TEXT
  );
  CREATE INDEX orders_by_customer ON orders(customer_id, ordered_on DESC, order_id DESC);
  CREATE TABLE incidents (
    incident_id            INTEGER PRIMARY KEY,
    area                   TEXT NOT NULL,
    category               TEXT NOT NULL,
    status                 TEXT NOT NULL,
    title                  TEXT NOT NULL,
    description            TEXT NOT NULL,
    started_at             TEXT NOT NULL,
    resolved_at            TEXT,
    expected_resolution_at TEXT
  );
  CREATE INDEX incidents_by_area ON incidents(area, status, started_at DESC);
  CREATE INDEX incidents_by_start ON incidents(started_at DESC, incident_id DESC);
  CREATE TABLE security_events (
    event_id    TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(customer_id),
    event_type  TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    ip_address  TEXT,
    detail      TEXT NOT NULL
  );
  CREATE INDEX security_events_by_customer ON security_events(customer_id, occurred_at DESC, event_id DESC);
  CREATE TABLE knowledge (
    document_id INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    category    TEXT NOT NULL,
    content     TEXT NOT NULL,
    tags        TEXT NOT NULL -- JSON array of strings; the tokenizer reads the words out of it
  );
  -- External-content index over knowledge: it stores only the index, not a second copy of the
  -- text. Knowledge changes only through replaceAll, which rebuilds it.
  CREATE VIRTUAL TABLE knowledge_fts USING fts5(
    title, content, tags,
    content = 'knowledge', content_rowid = 'document_id',
    tokenize = 'porter unicode61'
  );
  `,
  `
  CREATE TABLE audit_records (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    audit_id     TEXT NOT NULL UNIQUE,
    at           TEXT NOT NULL,
    request_id   TEXT NOT NULL,
    caller_id    TEXT NOT NULL,
    tenant_id    TEXT NOT NULL,
    tool         TEXT NOT NULL,
    argument_ids TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    result       TEXT,
    reason       TEXT
  );
  CREATE INDEX audit_records_by_time ON audit_records(at, seq);
  `,
  `
  ALTER TABLE audit_records ADD COLUMN via TEXT;
  `,
  `
  -- Embeddings of knowledge documents, per embedding model (JSON arrays of numbers).
  CREATE TABLE knowledge_vectors (
    model       TEXT NOT NULL,
    document_id INTEGER NOT NULL,
    vector      TEXT NOT NULL,
    PRIMARY KEY (model, document_id)
  );
  `,
];
