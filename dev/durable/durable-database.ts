// Opens the local durable runner's SQLite file (its own file, beside the app's store) and creates
// its tables. WAL with an exclusive lock: one runner per file, and a second one is told so. Every
// commit is synced (synchronous = FULL): the history is what lets a killed host resume.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UnavailableError } from '../../shared/errors/domain-error.js';

export type DurableDatabase = Database.Database;

/** The tables: instances, their history, undelivered events, recorded steps and outstanding work. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS instances (
  instance_id TEXT PRIMARY KEY,
  execution_id TEXT NOT NULL,
  name TEXT NOT NULL,
  input TEXT,
  output TEXT,
  custom_status TEXT,
  runtime_status TEXT NOT NULL,
  created_time TEXT NOT NULL,
  last_updated_time TEXT NOT NULL,
  next_event_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS instances_by_created_time ON instances (created_time);
-- The history as delivered to the orchestrator, in order.
CREATE TABLE IF NOT EXISTS history (
  instance_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (instance_id, position)
) WITHOUT ROWID;
-- Events that arrived (start, completions, timers, raised events) and await an episode.
CREATE TABLE IF NOT EXISTS inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  instance_id TEXT NOT NULL,
  event TEXT NOT NULL,
  origin TEXT
);
CREATE INDEX IF NOT EXISTS inbox_by_instance ON inbox (instance_id, id);
-- The orchestrator's actions so far, in order: what every replay must ask for again.
CREATE TABLE IF NOT EXISTS steps (
  instance_id TEXT NOT NULL,
  step INTEGER NOT NULL,
  action TEXT NOT NULL,
  PRIMARY KEY (instance_id, step)
) WITHOUT ROWID;
-- Scheduled activities and armed timers whose completion is not recorded yet.
CREATE TABLE IF NOT EXISTS work (
  instance_id TEXT NOT NULL,
  event_id INTEGER NOT NULL,
  execution_id TEXT NOT NULL,
  item TEXT NOT NULL,
  PRIMARY KEY (instance_id, event_id)
) WITHOUT ROWID;
`;

/** Written to user_version: the schema above. */
const SCHEMA_VERSION = 1;

/** Opens (creating if needed) the runner's database at `filePath` (`:memory:` for a throwaway one). */
export function openDurableDatabase(filePath: string): DurableDatabase {
  let db: DurableDatabase;
  try {
    if (filePath !== ':memory:') fs.mkdirSync(path.dirname(filePath), { recursive: true });
    db = new Database(filePath);
  } catch (error) {
    throw new UnavailableError(`The durable runner's database could not be opened at ${filePath}`, {}, { cause: error });
  }
  try {
    if (filePath !== ':memory:') {
      db.pragma('busy_timeout = 2000');
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
    }
    db.pragma('synchronous = FULL');
    // Exclusive mode takes the file lock on the first write and keeps it: write the schema version
    // (even when unchanged), so a second runner on the file fails here rather than later.
    db.transaction(() => {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  } catch (error) {
    db.close();
    const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
    throw new UnavailableError(
      busy ? `The durable runner's database ${filePath} is in use by another process` : `The durable runner's database ${filePath} could not be opened`,
      {},
      { cause: error },
    );
  }
  return db;
}
