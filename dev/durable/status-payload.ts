// The extension's JSON for an instance (StatusResponsePayload): times to the second, inputs and
// outputs parsed leniently (text that is not JSON stays text, as a termination reason does), and
// with showHistory the history in the extension's reader form: names for event types, each
// completion merged with what it completes, the orchestrator's own episode markers left out.
import type { InstanceRecord } from './durable-store.js';
import { EVENT_TYPE, eventTypeName, type HistoryEvent } from './history-events.js';

export interface StatusOptions {
  showInput: boolean;
  /** The history to show (showHistory), already in reader form. */
  historyEvents?: unknown[];
}

/** The extension's ParseToJToken: JSON when it parses, the text itself otherwise, null for none. */
export function lenientJson(text: string | null): unknown {
  if (text === null) return null;
  const trimmed = text.trim();
  if (trimmed === '') return '';
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

/** `DateTime.ToString("s") + "Z"`: seconds, no fraction. */
function secondsTime(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

export function statusPayload(record: InstanceRecord, options: StatusOptions): Record<string, unknown> {
  return {
    name: record.name,
    instanceId: record.instanceId,
    runtimeStatus: record.runtimeStatus,
    input: options.showInput ? lenientJson(record.input) : null,
    customStatus: lenientJson(record.customStatus),
    output: lenientJson(record.output),
    createdTime: secondsTime(record.createdTime),
    lastUpdatedTime: secondsTime(record.lastUpdatedTime),
    ...(options.historyEvents === undefined ? {} : { historyEvents: options.historyEvents }),
  };
}

/** The history as the extension shows it (DurableClient.GetDurableOrchestrationStatusAsync). */
export function historyView(events: readonly HistoryEvent[], options: { showInput: boolean; showHistoryOutput: boolean }): unknown[] {
  const scheduled = new Map<number, { index: number; event: HistoryEvent }>();
  const merged = new Set<number>();
  const view = events.map((event, index) => {
    const item: Record<string, unknown> = { ...event, EventType: eventTypeName(event.EventType) };
    switch (event.EventType) {
      case EVENT_TYPE.TaskScheduled:
        scheduled.set(event.EventId, { index, event });
        break;
      case EVENT_TYPE.TaskCompleted:
      case EVENT_TYPE.TaskFailed: {
        const origin = scheduled.get(Number(event.TaskScheduledId));
        if (origin !== undefined) {
          Object.assign(item, { ScheduledTime: origin.event.Timestamp, FunctionName: origin.event.Name });
          if (options.showInput) item.Input = origin.event.Input;
          merged.add(origin.index);
        }
        delete item.TaskScheduledId;
        if (event.EventType === EVENT_TYPE.TaskCompleted) {
          if (options.showHistoryOutput) item.Result = lenientJson(typeof event.Result === 'string' ? event.Result : null);
          else delete item.Result;
        }
        break;
      }
      case EVENT_TYPE.ExecutionStarted:
        item.FunctionName = event.Name;
        for (const field of ['Name', 'OrchestrationInstance', 'ParentInstance', 'Version', 'Tags']) delete item[field];
        break;
      case EVENT_TYPE.ExecutionCompleted:
        if (options.showHistoryOutput) item.Result = lenientJson(typeof event.Result === 'string' ? event.Result : null);
        else delete item.Result;
        break;
      case EVENT_TYPE.TimerFired:
        delete item.TimerId;
        break;
      case EVENT_TYPE.OrchestratorStarted:
      case EVENT_TYPE.OrchestratorCompleted:
        merged.add(index);
        break;
    }
    if (!options.showInput) delete item.Input;
    delete item.EventId;
    delete item.IsPlayed;
    return item;
  });
  return view.filter((_item, index) => !merged.has(index));
}
