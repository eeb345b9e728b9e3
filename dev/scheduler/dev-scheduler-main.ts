// The development scheduler's process (loaded by run-dev-scheduler.ts once the Node version is
// checked): runs it on 127.0.0.1:DEV_SCHEDULER_PORT (7072) until interrupted, printing the
// SCHEDULER_URL to give the app and one line per job and delivery. Settings:
// dev-scheduler-settings.ts. Development only, never deployed.
import { systemClock } from '../../shared/time/clock.js';
import { callbackSignerFor } from './callback-signer.js';
import { startDevScheduler } from './dev-scheduler.js';
import { parseDevSchedulerSettings } from './dev-scheduler-settings.js';

async function main(): Promise<void> {
  const settings = parseDevSchedulerSettings(process.env);
  const log = (line: string) => process.stdout.write(`[dev-scheduler] ${line}\n`);
  const scheduler = await startDevScheduler({
    port: settings.port,
    sign: callbackSignerFor(settings.callbackSecret, systemClock),
    ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
    ...(settings.deliverAfterMs === undefined ? {} : { deliverAfterMs: settings.deliverAfterMs }),
    log,
  });
  log(`listening: SCHEDULER_URL=${scheduler.url}${settings.apiKey === undefined ? '' : ' (API key required: SCHEDULER_AUTH=api-key)'}`);
  if (settings.deliverAfterMs !== undefined) log(`compressed time: callbacks go out ${settings.deliverAfterMs} ms after scheduling`);
  const stop = () => {
    scheduler.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
