// Opens (creating if needed) the SQLite file behind the embedded store and brings its schema
// up to date. WAL mode lets the local host serve reads while a seed runs.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UnavailableError } from '../../errors/domain-error.js';
import { MIGRATIONS } from './schema.js';

export type SqliteDatabase = Database.Database;

export function openDatabase(filePath: string): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    if (filePath !== ':memory:') fs.mkdirSync(path.dirname(filePath), { recursive: true });
    db = new Database(filePath);
  } catch (error) {
    throw new UnavailableError(`The embedded store could not be opened at ${filePath}`, {}, { cause: error });
  }
  db.pragma('busy_timeout = 5000');
  if (filePath !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
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
