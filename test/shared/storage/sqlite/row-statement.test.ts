// The embedded store's ordered queries compare indexed columns with `+?` / `+@name`, never a bare
// parameter: with better-sqlite3's STAT4 build a bare one makes SQLite re-prepare the statement
// on every new binding (see row-statement.ts). Checked on the SQL text of every repo, and the
// rows still come back as a bare parameter returns them. The rows are plain objects with the
// columns as better-sqlite3's own rows name them, whatever the names.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { prepareRows } from '../../../../shared/storage/sqlite/row-statement.js';

const SQLITE_DIR = 'shared/storage/sqlite';

/** Every quoted or template string literal of a source file that reads like an ordered SELECT. */
function orderedSelects(source: string): string[] {
  const literals = source.match(/`[^`]*`|'[^'\n]*'/g) ?? [];
  return literals.filter((text) => /\bSELECT\b/.test(text) && /\bWHERE\b/.test(text) && /\bORDER BY\b/.test(text));
}

describe('SQLite row statements', () => {
  it('write every parameter compared in an ordered SELECT as +? or +@name', () => {
    const files = fs.readdirSync(SQLITE_DIR).filter((file) => file.endsWith('.ts'));
    let checked = 0;
    for (const file of files) {
      for (const sql of orderedSelects(fs.readFileSync(path.join(SQLITE_DIR, file), 'utf8'))) {
        checked += 1;
        const bare = sql.match(/(?:=|<|>)\s*(?:\?|@\w+)/);
        assert.equal(bare, null, `${file}: "${bare?.[0]}" in ${sql.replace(/\s+/g, ' ')}: write the parameter +? so the statement is not re-prepared per binding`);
      }
    }
    assert.ok(checked >= 8, `found only ${checked} ordered SELECTs: the scan no longer sees the repos' SQL`);
  });

  it('returns the same rows for +? as for a bare parameter, in the same order', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL, at TEXT NOT NULL);
      CREATE INDEX t_by_owner ON t(owner, at DESC, id DESC);`);
    const insert = db.prepare('INSERT INTO t (owner, at) VALUES (?, ?)');
    for (let i = 0; i < 200; i++) insert.run(i % 7, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`);
    const bare = prepareRows<[number], { id: number }>(db, 'SELECT * FROM t WHERE owner = ? ORDER BY at DESC, id DESC');
    const plus = prepareRows<[number], { id: number }>(db, 'SELECT * FROM t WHERE owner = +? ORDER BY at DESC, id DESC');
    for (const owner of [0, 3, 6, 9]) assert.deepEqual(plus.all(owner), bare.all(owner));
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM t WHERE owner = +? ORDER BY at DESC, id DESC').all(1) as { detail: string }[];
    assert.match(plan.map((row) => row.detail).join(' '), /USING (COVERING )?INDEX t_by_owner \(owner=\?\)/);
    db.close();
  });

  it("builds rows as better-sqlite3's own object rows, for any column name", () => {
    const db = new Database(':memory:');
    const sql = `SELECT 1 AS id, 'a' AS "we""ird", NULL AS "back\\slash", 2.5 AS "two words", 'x' AS "__proto__",
      'y' AS "constructor", 3 AS "ünï", 'z' AS "values", 4 AS "0"`;
    const own = db.prepare(sql).get() as Record<string, unknown>;
    const row = prepareRows<[], Record<string, unknown>>(db, sql).get()!;
    assert.deepEqual(Object.keys(row), ['0', 'id', 'we"ird', 'back\\slash', 'two words', '__proto__', 'constructor', 'ünï', 'values']);
    assert.equal(Object.getPrototypeOf(row), Object.prototype, 'a column named __proto__ is an own property, not the prototype');
    assert.equal(Object.getOwnPropertyDescriptor(row, '__proto__')?.value, 'x');
    for (const name of Object.keys(row)) if (name !== '__proto__') assert.equal(row[name], own[name], name);
    const many = prepareRows<[], { n: number }>(db, 'SELECT value AS n FROM json_each(\'[1,2,3]\')').all();
    assert.deepEqual(many, [{ n: 1 }, { n: 2 }, { n: 3 }]);
    db.close();
  });

  it('builds the same rows where Node disallows code generation from strings', () => {
    const script = `
      import Database from 'better-sqlite3';
      import { prepareRows } from './shared/storage/sqlite/row-statement.ts';
      let compiled = true;
      try { new Function('return 1'); } catch { compiled = false; }
      const db = new Database(':memory:');
      const row = prepareRows(db, \`SELECT 1 AS id, 'x' AS "__proto__", 'y' AS "we""ird"\`).get();
      console.log(JSON.stringify({ compiled, keys: Object.keys(row), proto: Object.getPrototypeOf(row) === Object.prototype, row }));`;
    const output = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output), { compiled: false, keys: ['id', '__proto__', 'we"ird'], proto: true, row: { id: 1, ['__proto__']: 'x', 'we"ird': 'y' } });
  });
});
