// Opens (creating if needed) the SQLite file of the embedded conversation store and brings its
// schema up to date. One row per conversation holds the whole document as JSON, like one blob
// does in Blob Storage, plus its last update time for pruning. Unlike the data store's file it is
// not locked exclusively: WAL and a busy timeout let a second process (an operator's sqlite3
// shell, a test) read it safely, and conversations are written rarely.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UnavailableError } from '../../errors/domain-error.js';

export type ConversationDatabase = Database.Database;

/** Schema versions, applied in order; `user_version` records how many ran. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     updated_ms INTEGER NOT NULL,
     document TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE INDEX conversations_by_update ON conversations (updated_ms);`,
];

/** How long a write waits for another process's write lock before giving up with UNAVAILABLE. */
export const BUSY_TIMEOUT_MS = 5_000;

export function openConversationDatabase(filePath: string): ConversationDatabase {
  let db: ConversationDatabase | undefined;
  try {
    if (filePath !== ':memory:') fs.mkdirSync(path.dirname(filePath), { recursive: true });
    db = new Database(filePath);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (filePath !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw new UnavailableError(`The embedded conversation store could not be opened at ${filePath}`, { dependency: 'conversations' }, { cause: error });
  }
}

function migrate(db: ConversationDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    const step = MIGRATIONS[version];
    if (step === undefined) break;
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
