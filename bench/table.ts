// A table as data (header + rows of cells) with two renderings: aligned plain text for the
// terminal and GitHub Markdown for the README draft.

export interface Table {
  title: string;
  header: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  /** Columns (by index) aligned left; the rest are right-aligned numbers. */
  leftColumns?: readonly number[];
  notes?: readonly string[];
}

export function renderText(table: Table): string {
  const widths = table.header.map((cell, column) => Math.max(cell.length, ...table.rows.map((row) => (row[column] ?? '').length)));
  const left = new Set(table.leftColumns ?? [0]);
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (left.has(column) ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const notes = (table.notes ?? []).map((note) => `  ${note}`);
  return [table.title, line(table.header), rule, ...table.rows.map(line), ...notes].join('\n');
}

export function renderMarkdown(table: Table): string {
  const left = new Set(table.leftColumns ?? [0]);
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const align = table.header.map((_, column) => (left.has(column) ? '---' : '---:'));
  const notes = (table.notes ?? []).map((note) => `\n${note}`);
  return [`**${table.title}**`, '', row(table.header), row(align), ...table.rows.map(row), ...notes].join('\n');
}

/** Fixed-point number, or an em dash for NaN/undefined. */
export function fmt(value: number | undefined, digits = 0): string {
  return value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/** A ratio as `0.42×`. */
export function times(value: number | undefined, digits = 2): string {
  return value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(digits)}×`;
}

/** Bytes as decimal megabytes. */
export function megabytes(bytes: number | undefined, digits = 1): string {
  return bytes === undefined ? '—' : `${(bytes / 1e6).toFixed(digits)} MB`;
}
