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
  return new FieldLogger(options, options.fields ?? {});
}

/**
 * A class, so a child logger (one per tool call) is one small object whose methods live on the
 * prototype; nothing is formatted below the level threshold.
 */
class FieldLogger implements Logger {
  readonly #options: LoggerOptions;
  readonly #base: LogFields;
  readonly #threshold: number;

  constructor(options: LoggerOptions, base: LogFields) {
    this.#options = options;
    this.#base = base;
    this.#threshold = RANK[options.level];
  }

  debug(message: string, fields?: LogFields): void {
    this.#write('debug', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.#write('info', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.#write('warn', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.#write('error', message, fields);
  }

  child(fields: LogFields): Logger {
    return new FieldLogger(this.#options, { ...this.#base, ...fields });
  }

  #write(level: LogLevel, message: string, fields?: LogFields): void {
    if (RANK[level] < this.#threshold) return;
    const { sink = consoleSink, now = () => new Date(), correlate } = this.#options;
    const head = { time: now().toISOString(), level, msg: redactText(message), ...correlate?.() };
    // Fields follow the head but cannot overwrite it (a field named `level` must not change the severity).
    sink(level, JSON.stringify({ ...head, ...(redact({ ...this.#base, ...fields }) as LogFields), ...head }));
  }
}

/** A logger that drops everything (for tests that do not look at logs). */
export const silentLogger: Logger = createLogger({ level: 'error', sink: () => {} });
