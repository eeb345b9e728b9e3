// Every setting the app reads is documented: once, as a row of the settings table in
// docs/settings.md (parsed, so a table that stops rendering as one fails here), and in
// local.settings.sample.json (platform settings excepted), and the sample itself parses.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { PLATFORM_SETTINGS, SETTING_NAMES } from '../../../shared/config/settings-schema.js';

const SETTINGS_DOC = 'docs/settings.md';
const settingsDoc = fs.readFileSync(SETTINGS_DOC, 'utf8');
const sample = JSON.parse(fs.readFileSync('local.settings.sample.json', 'utf8')) as { Values: Record<string, string> };

/** One line of the document, numbered from 1 for messages. */
interface Line {
  readonly number: number;
  readonly text: string;
}

/** The cells of a markdown table row (`| a | b |` → `['a', 'b']`); escaped pipes stay in their cell. */
function cellsOf(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/**
 * The settings table: the header line starting `| setting |` and every line after it up to the
 * first line that is not a table row. Whatever follows (a blank line, then more rows) is returned
 * as `after`, so a table broken in two can be detected.
 */
function settingsTable(markdown: string): { header: Line; separator: Line; rows: Line[]; after: Line[] } {
  const lines = markdown.split('\n').map((text, i) => ({ number: i + 1, text }));
  const start = lines.findIndex((line) => /^\|\s*setting\s*\|/.test(line.text));
  assert.ok(start >= 0, `${SETTINGS_DOC} has no table whose header starts with "| setting |"`);
  let end = start;
  while (end < lines.length && lines[end]?.text.trimStart().startsWith('|')) end += 1;
  const [header, separator, ...rows] = lines.slice(start, end);
  assert.ok(header && separator, `${SETTINGS_DOC}: the settings table has no header and separator`);
  return { header, separator, rows, after: lines.slice(end) };
}

/** The backticked names in a row's first cell (`WEBSITE_HOSTNAME` or several, comma-separated). */
const namesIn = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

describe('settings documentation', () => {
  const table = settingsTable(settingsDoc);
  const width = cellsOf(table.header.text).length;

  it('is one contiguous markdown table in docs/settings.md', () => {
    assert.match(table.separator.text, /^\|(\s*:?-{3,}:?\s*\|)+\s*$/, `line ${table.separator.number}: not a header separator row`);
    assert.equal(cellsOf(table.separator.text).length, width, `line ${table.separator.number}: separator width`);
    assert.ok(table.rows.length > 0, 'the settings table has no rows');
    // A blank line inside the table ends it: the rows after it render as a paragraph.
    const stray = table.after.find((line) => /^\s*\|.*`[A-Z][A-Z0-9_]+`/.test(line.text));
    assert.equal(stray, undefined, stray && `line ${stray.number} looks like a settings row but is outside the table (a blank line above it?)`);
  });

  it('gives every row the same number of cells as the header', () => {
    for (const row of table.rows) {
      assert.ok(row.text.trim().endsWith('|'), `line ${row.number}: a table row must end with "|"`);
      assert.equal(cellsOf(row.text).length, width, `line ${row.number}: expected ${width} cells: ${row.text}`);
    }
  });

  it('names every setting in the first cell of exactly one row, and nothing else', () => {
    const rowsByName = new Map<string, number[]>();
    for (const row of table.rows) {
      const names = namesIn(cellsOf(row.text)[0] ?? '');
      assert.ok(names.length > 0, `line ${row.number}: the first cell names no setting`);
      for (const name of names) rowsByName.set(name, [...(rowsByName.get(name) ?? []), row.number]);
    }
    for (const name of SETTING_NAMES) {
      assert.equal(rowsByName.get(name)?.length ?? 0, 1, `${name}: expected in exactly one row, found on lines [${(rowsByName.get(name) ?? []).join(', ')}]`);
    }
    const unknown = [...rowsByName.keys()].filter((name) => !SETTING_NAMES.includes(name));
    assert.deepEqual(unknown, [], 'rows naming settings the app does not read');
  });

  it('lists every non-platform setting in local.settings.sample.json', () => {
    for (const name of SETTING_NAMES) {
      if (PLATFORM_SETTINGS.has(name)) assert.equal(sample.Values[name], undefined, `${name} must not be set by hand`);
      else assert.ok(name in sample.Values, name);
    }
  });

  it('parses the sample values as a valid configuration', () => {
    const config = loadConfig(sample.Values);
    assert.equal(config.runtime.inAzure, false);
    assert.equal(config.seed.customerCount, 250);
    assert.equal(config.auth.mode, 'local');
  });
});
