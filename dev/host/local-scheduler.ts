// The development scheduler beside `npm start`: when SCHEDULER_URL is not set, the local host
// runs one in-process (dev/scheduler/) and points the app at it, so schedule_follow_up works out
// of the box and its signed callbacks come back to this host's /api/callback. The callback secret
// is SCHEDULER_CALLBACK_SECRET when given, else a random one for this run, handed to both sides
// through the environment (the app's environment secrets read it). DEV_SCHEDULER_DELIVER_AFTER_MS
// compresses time as for `npm run dev-scheduler`; DEV_SCHEDULER=off runs none (the app then has no
// scheduler, as in a deployment without SCHEDULER_URL). Development only.
import { randomBytes } from 'node:crypto';
import { systemClock } from '../../shared/time/clock.js';
import { parseDevSchedulerSettings } from '../scheduler/dev-scheduler-settings.js';

export interface LocalScheduler {
  readonly url: string;
  /** One line for the banner. */
  readonly summary: string;
  close(): Promise<void>;
}

/**
 * Starts the development scheduler unless SCHEDULER_URL names one, and sets SCHEDULER_URL,
 * SCHEDULER_AUTH (and SCHEDULER_API_KEY, SCHEDULER_CALLBACK_SECRET when needed) in `env` for
 * the app. Must run before the app's configuration is loaded.
 */
export async function startLocalScheduler(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<LocalScheduler | undefined> {
  if (env.SCHEDULER_URL !== undefined && env.SCHEDULER_URL !== '') return undefined;
  if (env.DEV_SCHEDULER !== undefined && env.DEV_SCHEDULER !== '' && env.DEV_SCHEDULER !== 'on') {
    if (env.DEV_SCHEDULER === 'off') return undefined;
    throw new Error(`DEV_SCHEDULER: expected on or off (got "${env.DEV_SCHEDULER.slice(0, 20)}")`);
  }
  const settings = parseDevSchedulerSettings({ ...env, DEV_SCHEDULER_PORT: env.DEV_SCHEDULER_PORT ?? '0' });
  const secret = settings.callbackSecret ?? randomBytes(32).toString('base64url');
  // Loaded only when it runs: the scheduler is an MCP server, which the app's fast path never loads.
  const [{ startDevScheduler }, { callbackSignerFor }] = await Promise.all([import('../scheduler/dev-scheduler.js'), import('../scheduler/callback-signer.js')]);
  const scheduler = await startDevScheduler({
    port: settings.port,
    sign: callbackSignerFor(secret, systemClock),
    ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
    ...(settings.deliverAfterMs === undefined ? {} : { deliverAfterMs: settings.deliverAfterMs }),
    log: (line) => log(`[dev-scheduler] ${line}`),
  });
  env.SCHEDULER_URL = scheduler.url;
  env.SCHEDULER_CALLBACK_SECRET = secret;
  if (settings.apiKey === undefined) {
    env.SCHEDULER_AUTH = 'none';
  } else {
    env.SCHEDULER_AUTH = 'api-key';
    env.SCHEDULER_API_KEY = settings.apiKey;
    env.SCHEDULER_CLIENT_ID ??= 'local-host';
  }
  const timing = settings.deliverAfterMs === undefined ? 'calls back at `when`' : `calls back ${settings.deliverAfterMs} ms after scheduling`;
  return {
    url: scheduler.url,
    summary: `development scheduler: ${scheduler.url} (${timing}; set SCHEDULER_URL to use another)`,
    close: () => scheduler.close(),
  };
}
