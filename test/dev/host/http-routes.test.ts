// Tests of the route table built from registered functions: defaults, prefixes, and start-up
// refusals for reserved prefixes, duplicates and bad templates. Registrations are plain objects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BindingInfo, RegisteredFunction } from '../../../dev/host/core-api-shim.js';
import { buildHttpRoutes } from '../../../dev/host/http-routes.js';

function httpFunction(name: string, trigger: Partial<BindingInfo> = {}): RegisteredFunction {
  return {
    metadata: {
      name,
      bindings: {
        httpTrigger1: { type: 'httpTrigger', direction: 'in', ...trigger },
        $return: { type: 'http', direction: 'out' },
      },
    },
    callback: () => `${name} called`,
  };
}

function timerFunction(name: string): RegisteredFunction {
  return {
    metadata: { name, bindings: { timer: { type: 'timerTrigger', direction: 'in', schedule: '0 */5 * * * *' } } },
    callback: () => undefined,
  };
}

function problemsOf(functions: RegisteredFunction[], routePrefix = ''): string {
  try {
    buildHttpRoutes(functions, routePrefix);
  } catch (error) {
    assert.ok(error instanceof Error);
    assert.match(error.message, /^Function registrations are invalid:/);
    return error.message;
  }
  assert.fail('the registrations were accepted');
}

describe('buildHttpRoutes', () => {
  it('builds a route per HTTP function and skips other triggers', () => {
    const routes = buildHttpRoutes(
      [
        httpFunction('mcp', { route: 'mcp', methods: ['post', 'Options'], authLevel: 'anonymous' }),
        timerFunction('cleanup'),
        httpFunction('health', { route: 'health', methods: ['GET'], authLevel: 'Function' }),
      ],
      '',
    );

    assert.deepEqual(
      routes.map((r) => ({ name: r.functionName, template: r.route.template, methods: [...r.methods], auth: r.authLevel })),
      [
        { name: 'mcp', template: 'mcp', methods: ['POST', 'OPTIONS'], auth: 'anonymous' },
        { name: 'health', template: 'health', methods: ['GET'], auth: 'function' },
      ],
    );
    assert.equal(routes[0]?.callback(undefined, undefined), 'mcp called');
  });

  it('finds the trigger whatever the case of its type', () => {
    const fn = httpFunction('seed', { type: 'HTTPTRIGGER', route: 'seed' });

    assert.equal(buildHttpRoutes([fn], '').length, 1);
  });

  it('defaults the route to the function name, methods to GET and POST and auth to function', () => {
    const [route] = buildHttpRoutes([httpFunction('troubleshoot')], 'api');

    assert.ok(route);
    assert.equal(route.route.template, 'api/troubleshoot');
    assert.deepEqual([...route.methods].sort(), ['GET', 'POST']);
    assert.equal(route.authLevel, 'function');
  });

  it('serves routes under the routePrefix', () => {
    const [route] = buildHttpRoutes([httpFunction('customer', { route: 'customers/{id:int}' })], 'api');

    assert.deepEqual(route?.route.match('/api/customers/101'), { id: '101' });
    assert.equal(route?.route.match('/customers/101'), null);
  });

  it('refuses a reserved prefix in any case', () => {
    const message = problemsOf([httpFunction('keys', { route: 'Admin/keys' }), httpFunction('hooks', { route: 'runtime/x' })]);

    assert.match(message, /keys: route "Admin\/keys" starts with the reserved prefix "admin"/);
    assert.match(message, /hooks: route "runtime\/x" starts with the reserved prefix "runtime"/);
  });

  it('refuses the same method and route registered twice, case-insensitively', () => {
    const message = problemsOf([
      httpFunction('first', { route: 'customers', methods: ['GET', 'POST'] }),
      httpFunction('second', { route: 'Customers', methods: ['get'] }),
    ]);

    assert.match(message, /second: GET customers is already registered by first/);
    assert.doesNotMatch(message, /POST customers/);
  });

  it('allows one route with different methods in different functions', () => {
    const routes = buildHttpRoutes(
      [httpFunction('read', { route: 'items', methods: ['GET'] }), httpFunction('write', { route: 'items', methods: ['POST'] })],
      '',
    );

    assert.deepEqual(routes.map((r) => r.functionName), ['read', 'write']);
  });

  it('refuses a route with a leading slash', () => {
    assert.match(problemsOf([httpFunction('mcp', { route: '/mcp' })]), /mcp: route "\/mcp" must not start with "\/"/);
  });

  it('refuses an unknown authLevel', () => {
    assert.match(problemsOf([httpFunction('mcp', { route: 'mcp', authLevel: 'user' })]), /mcp: unknown authLevel "user"/);
  });

  it('lists every problem at once', () => {
    const message = problemsOf([
      httpFunction('a', { route: '/a' }),
      httpFunction('b', { route: 'admin' }),
      httpFunction('c', { route: 'c', authLevel: 'nobody' }),
    ]);

    const namesPerProblem = message.split('\n  - ').slice(1).map((problem) => problem.split(':')[0]);
    assert.deepEqual(namesPerProblem, ['a', 'a', 'b', 'c']); // "/a" has a leading slash and an empty first segment
  });
});
