// NCRONTAB, the six-field schedule of Functions timer triggers (`{second} {minute} {hour} {day}
// {month} {day-of-week}`), parsed and stepped in UTC so the local host can run timer functions
// on their schedule. Each field takes `*`, a number, a range `a-b`, a step `*/n` or `a-b/n`,
// and comma lists of these; month and day-of-week names (Jan, Mon …) and `{timespan}` schedules
// are not supported (our registrations use neither).

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

const FIELDS: readonly Field[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day-of-week', min: 0, max: 6 },
];

export interface Schedule {
  readonly expression: string;
  /** Allowed values per field, in FIELDS order. */
  readonly allowed: readonly ReadonlySet<number>[];
}

function parseField(text: string, field: Field): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`${field.name} "${part}" is not *, a number, a range or a step`);
    const [, , from, to, step] = match;
    const start = from === undefined ? field.min : Number(from);
    const end = from === undefined ? field.max : to !== undefined ? Number(to) : step !== undefined ? field.max : start;
    const by = step === undefined ? 1 : Number(step);
    if (start < field.min || end > field.max || start > end || by < 1) {
      throw new Error(`${field.name} "${part}" is outside ${field.min}–${field.max}`);
    }
    for (let value = start; value <= end; value += by) values.add(value);
  }
  return values;
}

export function parseNcrontab(expression: string): Schedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) throw new Error(`"${expression}" has ${parts.length} fields; NCRONTAB has six (second minute hour day month day-of-week)`);
  return { expression, allowed: parts.map((part, index) => parseField(part, FIELDS[index]!)) };
}

/** The first instant strictly after `after` that the schedule names (UTC), within ~5 years. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  const [seconds, minutes, hours, days, months, weekdays] = schedule.allowed as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (t.getTime() <= limit) {
    if (!months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0);
    } else if (!days.has(t.getUTCDate()) || !weekdays.has(t.getUTCDay())) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0);
    } else if (!hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0);
    } else if (!minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0);
    } else if (!seconds.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1);
    } else {
      return t;
    }
  }
  throw new Error(`"${schedule.expression}" names no instant in the next five years`);
}
