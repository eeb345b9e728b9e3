// Runs the app's timer functions under the local host, as the Functions host would: each on its
// NCRONTAB schedule (UTC; `%SETTING%` schedules read from the environment), never two runs of one
// function at once, with a real InvocationContext carrying the extra inputs the host provides
// (the durable client). `run(name)` is what POST /admin/functions/{name} calls. Development only.
import { randomUUID } from 'node:crypto';
import type { RegisteredFunction } from './core-api-shim.js';
import { createInvocationContext, type ExtraInputValues, type InvocationLog } from './invocation-context.js';
import { nextOccurrence, parseNcrontab, type Schedule } from './ncrontab.js';

/** setTimeout cannot wait longer than this; longer waits are re-armed. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export type RunOutcome = 'ran' | 'failed' | 'busy' | 'unknown';

export interface TimerFunctions {
  readonly names: readonly string[];
  /** Runs the function now (outside its schedule) and resolves when it has finished. */
  run(name: string): Promise<RunOutcome>;
  stop(): void;
}

export interface TimerFunctionsOptions {
  functions: readonly RegisteredFunction[];
  extraInputValues?: ExtraInputValues;
  log: InvocationLog;
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
}

interface TimerFunction {
  fn: RegisteredFunction;
  schedule: Schedule;
  runOnStartup: boolean;
  last: Date | undefined;
  running: boolean;
  timer?: NodeJS.Timeout;
}

/** `%NAME%` is the value of the setting NAME, as the host resolves binding expressions. */
function resolveSchedule(text: string, env: Readonly<Record<string, string | undefined>>, name: string): string {
  const setting = /^%([^%]+)%$/.exec(text.trim());
  if (setting === null) return text;
  const value = env[setting[1]!];
  if (value === undefined || value === '') throw new Error(`timer function ${name}: its schedule names the setting ${setting[1]}, which is not set`);
  return value;
}

export function startTimerFunctions(options: TimerFunctionsOptions): TimerFunctions {
  const now = options.now ?? (() => new Date());
  const env = options.env ?? process.env;
  const timers = new Map<string, TimerFunction>();
  let stopped = false;
  for (const fn of options.functions) {
    const trigger = Object.values(fn.metadata.bindings).find((binding) => binding.type === 'timerTrigger');
    if (trigger === undefined || typeof trigger.schedule !== 'string') continue;
    const schedule = parseNcrontab(resolveSchedule(trigger.schedule, env, fn.metadata.name));
    timers.set(fn.metadata.name, { fn, schedule, runOnStartup: trigger.runOnStartup === true, last: undefined, running: false });
  }

  async function invoke(entry: TimerFunction, isPastDue: boolean): Promise<RunOutcome> {
    if (entry.running) return 'busy';
    entry.running = true;
    const started = now();
    const name = entry.fn.metadata.name;
    const context = createInvocationContext({ invocationId: randomUUID(), functionName: name, bindings: entry.fn.metadata.bindings, ...(options.extraInputValues ? { extraInputValues: options.extraInputValues } : {}), log: options.log });
    const timerInfo = {
      schedule: { adjustForDST: false },
      scheduleStatus: { last: (entry.last ?? started).toISOString(), next: nextOccurrence(entry.schedule, started).toISOString(), lastUpdated: started.toISOString() },
      isPastDue,
    };
    try {
      await entry.fn.callback(timerInfo, context);
      return 'ran';
    } catch (error) {
      options.log('error', `timer function ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return 'failed';
    } finally {
      entry.last = started;
      entry.running = false;
    }
  }

  function arm(entry: TimerFunction): void {
    if (stopped) return;
    const due = nextOccurrence(entry.schedule, now());
    const wait = () => {
      const left = due.getTime() - now().getTime();
      entry.timer = setTimeout(
        () => {
          if (due.getTime() > now().getTime()) wait();
          else void invoke(entry, false).finally(() => arm(entry));
        },
        Math.max(0, Math.min(left, MAX_TIMEOUT_MS)),
      );
      entry.timer.unref();
    };
    wait();
  }

  for (const entry of timers.values()) {
    if (entry.runOnStartup) void invoke(entry, false);
    arm(entry);
  }

  return {
    names: [...timers.keys()],
    async run(name) {
      const entry = timers.get(name);
      return entry === undefined ? 'unknown' : invoke(entry, false);
    },
    stop() {
      stopped = true;
      for (const entry of timers.values()) clearTimeout(entry.timer);
    },
  };
}
