// Stands in for `@azure/functions-core`, the module the real Functions worker provides. With
// it installed, `@azure/functions` registers functions with us instead of falling into its
// test mode. Must be imported before any registration runs (start.ts imports it first).
import Module from 'node:module';

export interface RegisteredFunction {
  metadata: FunctionMetadata;
  callback: (...args: unknown[]) => unknown;
}

export interface BindingInfo {
  type: string;
  direction: 'in' | 'out';
  route?: string;
  methods?: string[];
  authLevel?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  name: string;
  bindings: Record<string, BindingInfo>;
  [key: string]: unknown;
}

export const registeredFunctions: RegisteredFunction[] = [];

const coreApi = {
  version: '4.0.0-local',
  hostVersion: '4.0.0-local',
  setProgrammingModel(): void {},
  getProgrammingModel(): undefined {
    return undefined;
  },
  registerFunction(metadata: FunctionMetadata, callback: RegisteredFunction['callback']) {
    registeredFunctions.push({ metadata, callback });
    return { dispose() {} };
  },
  registerHook() {
    return { dispose() {} };
  },
  log(level: string, category: string, message: string): void {
    if (level === 'error' || level === 'critical' || level === 'warning') process.stderr.write(`[${category}] ${message}\n`);
  },
};

type LoadFn = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: LoadFn };
const originalLoad = loader._load;
loader._load = function load(request, parent, isMain) {
  if (request === '@azure/functions-core') return coreApi;
  return originalLoad.call(this, request, parent, isMain);
};
