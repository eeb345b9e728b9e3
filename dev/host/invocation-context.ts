// The InvocationContext the Functions worker would hand a function: its options (trigger, extra
// inputs and outputs) built from the registration's bindings as the worker builds them, and the
// values of the extra inputs the host provides (the durable client's binding data). Functions that
// read an extra input get one of these; others keep the host's plain invocation object.
import azureFunctions, { type EffectiveFunctionOptions, type FunctionInput, type FunctionOutput, type InvocationContext } from '@azure/functions';
import type { HostedInvocation } from '../../shared/http/direct-web-handler.js';
import type { BindingInfo } from './core-api-shim.js';

const { InvocationContext: InvocationContextClass } = azureFunctions;

/** Values of extra input bindings, by binding type, as the extensions behind them would supply. */
export type ExtraInputValues = ReadonlyMap<string, unknown>;

/** Where a function's context.log / context.error lines go. */
export type InvocationLog = (level: string, message: string) => void;

export interface InvocationContextOptions {
  invocationId: string;
  functionName: string;
  bindings: Readonly<Record<string, BindingInfo>> | undefined;
  extraInputValues?: ExtraInputValues;
  log: InvocationLog;
  /** The W3C trace context of the invocation (from the caller's traceparent header), if any. */
  traceContext?: { traceParent: string } | undefined;
}

/** The worker's rule (@azure/functions isTrigger). */
const isTrigger = (type: string) => type.toLowerCase().endsWith('trigger');

/** Options as the worker derives them from the registration's bindings (fromRpcBindings). */
export function invocationOptionsOf(bindings: Readonly<Record<string, BindingInfo>>): Partial<EffectiveFunctionOptions> {
  const options: Partial<EffectiveFunctionOptions> & { extraInputs: FunctionInput[]; extraOutputs: FunctionOutput[] } = { extraInputs: [], extraOutputs: [] };
  for (const [name, binding] of Object.entries(bindings)) {
    const described = { ...binding, name, type: binding.type };
    if (isTrigger(binding.type)) options.trigger = described;
    else if (name === '$return') options.return = described;
    else if (binding.direction === 'in') options.extraInputs.push(described);
    else options.extraOutputs.push(described);
  }
  return options;
}

/** Whether the registration reads an extra input the host has a value for (then it needs a real context). */
export function readsProvidedInput(bindings: Readonly<Record<string, BindingInfo>> | undefined, values: ExtraInputValues | undefined): boolean {
  if (bindings === undefined || values === undefined || values.size === 0) return false;
  return Object.values(bindings).some((binding) => binding.direction === 'in' && !isTrigger(binding.type) && values.has(binding.type));
}

export function createInvocationContext(options: InvocationContextOptions): InvocationContext {
  const context = new InvocationContextClass({
    invocationId: options.invocationId,
    functionName: options.functionName,
    logHandler: (level, ...args) => options.log(level, args.map(String).join(' ')),
    ...(options.traceContext === undefined ? {} : { traceContext: options.traceContext }),
    ...(options.bindings === undefined ? {} : { options: invocationOptionsOf(options.bindings) }),
  });
  for (const input of context.options.extraInputs) {
    if (options.extraInputValues?.has(input.type)) context.extraInputs.set(input, options.extraInputValues.get(input.type));
  }
  return context;
}

/**
 * The invocation of a function that reads an extra input, for the direct lanes: its identity at
 * once, and the InvocationContext (options, extra inputs and outputs, as createInvocationContext
 * builds them) only when something reads them, e.g. the durable client of a troubleshoot call.
 * Most requests never do, and building the context is measurable on every request (a class, so
 * the getters live on the prototype and a request pays for one small object).
 */
export class LazyInvocationContext implements HostedInvocation, Pick<InvocationContext, 'options' | 'extraInputs' | 'extraOutputs'> {
  readonly invocationId: string;
  readonly functionName: string;
  readonly traceContext: { traceParent: string } | undefined;
  readonly #init: InvocationContextOptions;
  #full: InvocationContext | undefined;

  constructor(init: InvocationContextOptions) {
    this.invocationId = init.invocationId;
    this.functionName = init.functionName;
    this.traceContext = init.traceContext;
    this.#init = init;
  }

  error(message: string): void {
    this.#init.log('error', message);
  }

  get options(): InvocationContext['options'] {
    return this.#context().options;
  }

  get extraInputs(): InvocationContext['extraInputs'] {
    return this.#context().extraInputs;
  }

  get extraOutputs(): InvocationContext['extraOutputs'] {
    return this.#context().extraOutputs;
  }

  #context(): InvocationContext {
    this.#full ??= createInvocationContext(this.#init);
    return this.#full;
  }
}
