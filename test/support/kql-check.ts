// Checks KQL queries against envelopes the Azure Monitor exporter really sent: each query's tables
// must have received envelopes (or be written by the Functions host itself: traces, exceptions),
// every Application Insights column it names must be one those envelopes fill, every
// customDimensions key must be a property they carry, and every literal it compares a column or a
// dimension with (==, =~, startswith, in) must be a value one of them has. The mapping from
// envelope fields to columns is the documented ingestion mapping (Breeze schema → tables).
import fs from 'node:fs';
import type { Envelope } from './ingestion-stand-in.js';

export interface KqlQuery {
  /** The heading the query sits under in the document. */
  readonly title: string;
  readonly text: string;
}

/** The ```kusto blocks of a markdown document, each with the heading above it. */
export function readOperationsKql(file = 'docs/operations.md'): KqlQuery[] {
  const queries: KqlQuery[] = [];
  let title = '';
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (/^#{1,6} /.test(line)) title = line.replace(/^#+ /, '');
    if (line.trim() !== '```kusto') continue;
    const body: string[] = [];
    for (i += 1; i < lines.length && (lines[i] ?? '').trim() !== '```'; i += 1) body.push(lines[i] ?? '');
    queries.push({ title, text: body.join('\n') });
  }
  return queries;
}

const TABLE_TYPES: Readonly<Record<string, string>> = {
  requests: 'RequestData',
  dependencies: 'RemoteDependencyData',
  customMetrics: 'MetricData',
  traces: 'MessageData',
  exceptions: 'ExceptionData',
};
/** Tables the Functions host fills itself (stdout lines, unhandled exceptions): no envelope of ours needed. */
const HOST_TABLES = new Set(['traces', 'exceptions']);

type Read = (envelope: Envelope) => unknown;
const ITEM_TYPES: Readonly<Record<string, string>> = { RequestData: 'request', RemoteDependencyData: 'dependency', MetricData: 'customMetric', MessageData: 'trace', ExceptionData: 'exception' };
const base = (field: string): Read => (e) => e.data?.baseData?.[field];
const tag = (key: string): Read => (e) => e.tags?.[key];
const metric = (field: string): Read => (e) => (e.data?.baseData?.metrics as Array<Record<string, unknown>> | undefined)?.[0]?.[field];

const COMMON: Record<string, Read> = {
  timestamp: (e) => e.time,
  itemType: (e) => ITEM_TYPES[e.data?.baseType ?? ''],
  itemCount: (e) => e.sampleRate ?? 100,
  operation_Id: tag('ai.operation.id'),
  operation_ParentId: tag('ai.operation.parentId'),
  operation_Name: tag('ai.operation.name'),
  cloud_RoleName: tag('ai.cloud.role'),
  cloud_RoleInstance: tag('ai.cloud.roleInstance'),
  customDimensions: (e) => e.data?.baseData?.properties,
};
/** Columns of each table and the envelope field each comes from. */
const COLUMNS: Readonly<Record<string, Record<string, Read>>> = {
  requests: { ...COMMON, id: base('id'), name: base('name'), duration: base('duration'), success: base('success'), resultCode: base('responseCode'), url: base('url'), source: base('source') },
  dependencies: { ...COMMON, id: base('id'), name: base('name'), duration: base('duration'), success: base('success'), resultCode: base('resultCode'), type: base('type'), target: base('target'), data: base('data') },
  customMetrics: { ...COMMON, name: metric('name'), value: metric('value'), valueCount: metric('count'), valueSum: metric('value'), valueMin: metric('min'), valueMax: metric('max') },
  traces: { ...COMMON, message: base('message'), severityLevel: base('severityLevel') },
  exceptions: { ...COMMON, type: base('typeName'), outerMessage: base('message'), problemId: base('problemId'), severityLevel: base('severityLevel') },
};
const ALL_COLUMNS = new Set(Object.values(COLUMNS).flatMap((columns) => Object.keys(columns)));

const words = (text: string) => new Set(text.match(/\b[A-Za-z_][A-Za-z0-9_]*\b/g) ?? []);
const literalsIn = (list: string) => [...list.matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? '');
const isPlaceholder = (literal: string) => /^<.*>$/.test(literal);

/** One line per problem; empty when every query fits the envelopes. */
export function checkKqlAgainstEnvelopes(queries: readonly KqlQuery[], envelopes: readonly Envelope[]): string[] {
  const problems: string[] = [];
  for (const query of queries) {
    const code = query.text.replace(/\/\/.*$/gm, '');
    const bare = code.replace(/"[^"]*"/g, '""');
    const tables = [...words(bare)].filter((word) => word in TABLE_TYPES);
    const say = (problem: string) => problems.push(`${query.title}: ${problem}`);
    if (tables.length === 0) say('names no Application Insights table');
    const sent = new Map(tables.map((table) => [table, envelopes.filter((e) => e.data?.baseType === TABLE_TYPES[table])]));
    for (const table of tables) if (sent.get(table)?.length === 0 && !HOST_TABLES.has(table)) say(`no ${table} envelope was sent`);
    /**
     * Values the column (or dimension) has in the envelopes of the query's tables; undefined when a
     * host-filled table of the query has the column too (the host may fill what the app does not).
     */
    const valuesOf = (column: string, dimension?: string): unknown[] | undefined => {
      const values: unknown[] = [];
      let hostMayFill = false;
      for (const table of tables) {
        const read = COLUMNS[table]?.[column];
        if (read === undefined) continue;
        // The host fills its tables' columns, never the app's own dimensions.
        if (HOST_TABLES.has(table) && dimension === undefined) hostMayFill = true;
        for (const envelope of sent.get(table) ?? []) {
          const value = read(envelope);
          values.push(dimension === undefined ? value : (value as Record<string, unknown> | undefined)?.[dimension]);
        }
      }
      return hostMayFill ? undefined : values.filter((value) => value !== undefined && value !== null);
    };
    for (const column of [...words(bare)].filter((word) => ALL_COLUMNS.has(word))) {
      const values = valuesOf(column);
      if (values !== undefined && values.length === 0) say(`column ${column} is filled by no envelope of ${tables.join(', ')}`);
    }
    for (const match of code.matchAll(/customDimensions(?:\["([^"]+)"\]|\.([A-Za-z_][\w]*))/g)) {
      const key = match[1] ?? match[2] ?? '';
      const values = valuesOf('customDimensions', key);
      if (values !== undefined && values.length === 0) say(`customDimensions["${key}"] is carried by no envelope of ${tables.join(', ')}`);
    }
    const comparison = /(customDimensions\["([^"]+)"\]|\b([A-Za-z_]\w*))\)?\s*(==|=~|startswith|in~?)\s*(\([^)]*\)|"[^"]*")/g;
    for (const match of code.matchAll(comparison)) {
      const [, , dimension, column, operator, operand] = match;
      if (column !== undefined && !ALL_COLUMNS.has(column)) continue;
      const expected = literalsIn(operand ?? '').filter((literal) => !isPlaceholder(literal));
      if (expected.length === 0) continue;
      const values = (dimension !== undefined ? valuesOf('customDimensions', dimension) : valuesOf(column ?? ''))?.map(String);
      if (values === undefined) continue;
      const matches = (value: string, literal: string) =>
        operator === 'startswith' ? value.toLowerCase().startsWith(literal.toLowerCase()) : operator === '=~' || operator === 'in~' ? value.toLowerCase() === literal.toLowerCase() : value === literal;
      // `in`: one of the listed values must occur; the other operators name a single value.
      const found = expected.filter((literal) => values.some((value) => matches(value, literal)));
      if (found.length === 0) say(`${dimension !== undefined ? `customDimensions["${dimension}"]` : column} ${operator} ${operand ?? ''} matches no envelope`);
    }
  }
  return problems;
}
