// Tests of the JSON-lines logger: one redacted JSON record per line, the level threshold, and
// child loggers that carry their fields.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger, type LoggerOptions, type LogLevel } from '../../../shared/telemetry/logger.js';

const NOW = new Date('2026-03-15T08:30:00.000Z');

function capture(options: Partial<LoggerOptions> = {}) {
  const lines: Array<{ level: LogLevel; line: string }> = [];
  const logger = createLogger({ level: 'debug', now: () => NOW, sink: (level, line) => lines.push({ level, line }), ...options });
  const records = () => lines.map(({ line }) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('createLogger', () => {
  it('writes one JSON line per record with time, level, message and fields', () => {
    const { logger, lines, records } = capture();

    logger.info('tool called', { tool: 'get_customer_detail', customerId: 101 });
    logger.warn('multi\nline message');

    assert.equal(lines.length, 2);
    for (const { line } of lines) assert.doesNotMatch(line, /\n/);
    assert.deepEqual(records(), [
      { time: NOW.toISOString(), level: 'info', msg: 'tool called', tool: 'get_customer_detail', customerId: 101 },
      { time: NOW.toISOString(), level: 'warn', msg: 'multi\nline message' },
    ]);
    assert.deepEqual(lines.map(({ level }) => level), ['info', 'warn']);
  });

  it('drops records below the threshold', () => {
    const { logger, records } = capture({ level: 'warn' });

    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');

    assert.deepEqual(records().map((record) => record.msg), ['w', 'e']);
  });

  it('writes every level at debug', () => {
    const { logger, lines } = capture({ level: 'debug' });

    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');

    assert.deepEqual(lines.map(({ level }) => level), ['debug', 'info', 'warn', 'error']);
  });

  it('redacts secrets in the message and in fields', () => {
    const { logger, lines } = capture();

    logger.error('call to /api/mcp?code=k3y failed', { authorization: 'Bearer t0k3n', error: new Error('Bearer t0k3n') });

    const [entry] = lines;
    assert.ok(entry);
    assert.doesNotMatch(entry.line, /k3y|t0k3n/);
    assert.deepEqual(JSON.parse(entry.line), {
      time: NOW.toISOString(),
      level: 'error',
      msg: 'call to /api/mcp?code=[redacted] failed',
      authorization: '[redacted]',
      error: { name: 'Error', message: 'Bearer [redacted]' },
    });
  });

  it('adds a child logger’s fields to every record, merged with its parent’s', () => {
    const { logger, records } = capture({ fields: { service: 'mcp' } });
    const child = logger.child({ requestId: 'r-1', tool: 'a' });
    const grandchild = child.child({ tool: 'b' });

    child.info('one', { extra: true });
    grandchild.info('two');
    logger.info('three');

    assert.deepEqual(records(), [
      { time: NOW.toISOString(), level: 'info', msg: 'one', service: 'mcp', requestId: 'r-1', tool: 'a', extra: true },
      { time: NOW.toISOString(), level: 'info', msg: 'two', service: 'mcp', requestId: 'r-1', tool: 'b' },
      { time: NOW.toISOString(), level: 'info', msg: 'three', service: 'mcp' },
    ]);
  });

  it('lets a child keep its parent’s level threshold', () => {
    const { logger, lines } = capture({ level: 'error' });

    logger.child({ requestId: 'r-2' }).warn('hidden');

    assert.equal(lines.length, 0);
  });

  it('never lets fields overwrite time, level or message', () => {
    const { logger, lines, records } = capture();

    logger.info('real', { level: 'spoofed', msg: 'spoofed', time: 'spoofed', tool: 'kept' });

    assert.match(lines[0]?.line ?? '', /^\{"time":"[^"]+","level":"info","msg":"real","tool":"kept"\}$/);
    const [record] = records();
    assert.equal(record?.level, 'info');
    assert.equal(record?.msg, 'real');
    assert.equal(record?.time, NOW.toISOString());
  });

  it('adds the current trace and span ids to every record, children included, and lets no field overwrite them', () => {
    let current: Record<string, unknown> | undefined = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) };
    const { logger, records } = capture({ correlate: () => current });

    logger.child({ requestId: 'r-3' }).info('under a span', { traceId: 'spoofed' });
    current = undefined;
    logger.info('outside any span');

    assert.deepEqual(records(), [
      { time: NOW.toISOString(), level: 'info', msg: 'under a span', traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), requestId: 'r-3' },
      { time: NOW.toISOString(), level: 'info', msg: 'outside any span' },
    ]);
  });
});
