// Turns the registered functions into an HTTP route table, applying the host's route rules.
// Any problem (reserved prefix, duplicate route and method, bad template) stops start-up.
import type { BindingInfo, RegisteredFunction } from './core-api-shim.js';
import { compileRoute, type CompiledRoute } from './route-matcher.js';
import { fullRoute, routeTemplateProblems } from './route-rules.js';

export type HttpCallback = (request: unknown, context: unknown) => unknown;

export interface HttpRoute {
  functionName: string;
  route: CompiledRoute;
  methods: ReadonlySet<string>;
  authLevel: 'anonymous' | 'function' | 'admin';
  callback: HttpCallback;
  /** The registration's bindings (its extra inputs decide whether it gets a full InvocationContext). */
  bindings?: Readonly<Record<string, BindingInfo>>;
}

export function buildHttpRoutes(functions: readonly RegisteredFunction[], routePrefix: string): HttpRoute[] {
  const problems: string[] = [];
  const routes: HttpRoute[] = [];
  const seen = new Map<string, string>();
  for (const fn of functions) {
    const trigger = Object.values(fn.metadata.bindings).find((binding) => binding.type.toLowerCase() === 'httptrigger');
    if (!trigger) continue;
    const template = trigger.route ?? fn.metadata.name;
    problems.push(...routeTemplateProblems(template).map((problem) => `${fn.metadata.name}: ${problem}`));
    const methods = new Set((trigger.methods ?? ['GET', 'POST']).map((method) => method.toUpperCase()));
    for (const method of methods) {
      const key = `${method} ${template.toLowerCase()}`;
      const other = seen.get(key);
      if (other) problems.push(`${fn.metadata.name}: ${key} is already registered by ${other}`);
      seen.set(key, fn.metadata.name);
    }
    const authLevel = (trigger.authLevel ?? 'function').toLowerCase();
    if (authLevel !== 'anonymous' && authLevel !== 'function' && authLevel !== 'admin') {
      problems.push(`${fn.metadata.name}: unknown authLevel "${authLevel}"`);
      continue;
    }
    routes.push({
      functionName: fn.metadata.name,
      route: compileRoute(fullRoute(routePrefix, template)),
      methods,
      authLevel,
      callback: fn.callback,
      bindings: fn.metadata.bindings,
    });
  }
  if (problems.length > 0) throw new Error(`Function registrations are invalid:\n  - ${problems.join('\n  - ')}`);
  return routes;
}
