// Orchestration instance ids as the Durable extension accepts them (DurableClient.StartNewAsync):
// at most 256 characters, not starting with @, without / \ # ? or control characters. A start
// without an id gets a new GUID in its "N" form, as the extension gives.
import { randomUUID } from 'node:crypto';

export const MAX_INSTANCE_ID_LENGTH = 256;

/** .NET's char.IsControl: C0 and C1 control characters. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u; // eslint-disable-line no-control-regex -- matching control characters is the point

/** Why `instanceId` is not a valid instance id, or undefined when it is. */
export function instanceIdProblem(instanceId: string): string | undefined {
  if (instanceId.startsWith('@')) return 'Orchestration instance ids must not start with @.';
  if (/[/\\#?]/u.test(instanceId) || CONTROL_CHARACTER.test(instanceId)) return 'Orchestration instance ids must not contain /, \\, #, ?, or control characters.';
  if (instanceId.length > MAX_INSTANCE_ID_LENGTH) return `Instance ID lengths must not exceed ${MAX_INSTANCE_ID_LENGTH} characters.`;
  return undefined;
}

/** A new instance id (32 hexadecimal digits). */
export function newInstanceId(): string {
  return randomUUID().replaceAll('-', '');
}
