// When the worker shuts the app down, the telemetry still buffered (up to a few seconds of spans
// and a minute of metrics) is sent before the process goes.
import azureFunctions from '@azure/functions';
import { shutdownTelemetry } from './runtime.js';

azureFunctions.app.hook.appTerminate(async function sendBufferedTelemetry() {
  await shutdownTelemetry();
});
