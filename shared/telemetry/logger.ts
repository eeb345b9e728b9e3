// Structured JSON-lines logger. In Azure, stdout/stderr lines reach Application Insights as
// traces; locally they are readable and greppable. Every record passes through redact(). With
// telemetry on, each record written under a span carries its `traceId` and `spanId`.
import { redact, redactText } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every record. */
  child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Where records go; tests pass an array-backed sink. */
export type LogSink = (level: LogLevel, line: string) => void;

export const consoleSink: LogSink = (level, line) => {
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

export interface LoggerOptions {
  level: LogLevel;
  sink?: LogSink;
  now?: () => Date;
  fields?: LogFields;
  /** Fields of the current context added to every record (trace and span ids); absent with telemetry off. */
  correlate?: () => LogFields | undefined;
}

export function createLogger(options: LoggerOptions): Logger {
  const sink = options.sink ?? consoleSink;
  const now = options.now ?? (() => new Date());
  const base = options.fields ?? {};
  const threshold = RANK[options.level];
  const correlate = options.correlate;
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (RANK[level] < threshold) return;
    const head = { time: now().toISOString(), level, msg: redactText(message), ...correlate?.() };
    // Fields follow the head but cannot overwrite it (a field named `level` must not change the severity).
    sink(level, JSON.stringify({ ...head, ...(redact({ ...base, ...fields }) as LogFields), ...head }));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** A logger that drops everything (for tests that do not look at logs). */
export const silentLogger: Logger = createLogger({ level: 'error', sink: () => {} });
