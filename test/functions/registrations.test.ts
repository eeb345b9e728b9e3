// Loads package.json "main" the way the Functions host does (through @azure/functions-core)
// and checks every registration against the host's rules and our conventions.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, it } from 'node:test';
import { loadFunctionApp, type LoadedFunctionApp } from '../../dev/host/function-app.js';
import { buildHttpRoutes } from '../../dev/host/http-routes.js';
import { routeTemplateProblems } from '../../dev/host/route-rules.js';
import type { BindingInfo } from '../../dev/host/core-api-shim.js';
import { MAX_TOOL_TIMEOUT_MS } from '../../shared/config/settings-schema.js';

function httpTrigger(app: LoadedFunctionApp, name: string): BindingInfo {
  const fn = app.functions.find((f) => f.metadata.name === name);
  assert.ok(fn, `function ${name} is registered`);
  const trigger = Object.values(fn.metadata.bindings).find((b) => b.type === 'httpTrigger');
  assert.ok(trigger, `${name} has an HTTP trigger`);
  return trigger;
}

function parseTimeSpan(value: string): number {
  const match = /^(\d{2}):(\d{2}):(\d{2})$/.exec(value);
  assert.ok(match, `functionTimeout ${value} is hh:mm:ss`);
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}

describe('function registrations (package.json main)', () => {
  let app: LoadedFunctionApp;
  before(async () => {
    app = await loadFunctionApp(process.cwd());
  });

  it('registers the expected functions', () => {
    const names = app.functions.map((f) => f.metadata.name).sort();
    for (const expected of ['health', 'mcp', 'ready']) assert.ok(names.includes(expected), expected);
  });

  it('keeps every route inside api/ or .well-known/ and away from reserved prefixes', () => {
    for (const fn of app.functions) {
      const trigger = Object.values(fn.metadata.bindings).find((b) => b.type === 'httpTrigger');
      if (!trigger) continue;
      const route = trigger.route ?? '';
      assert.deepEqual(routeTemplateProblems(route), [], fn.metadata.name);
      assert.match(route, /^(api\/|\.well-known\/)/, `${fn.metadata.name}: ${route}`);
      assert.doesNotMatch(route, /^(admin|runtime)(\/|$)/i);
      if (route.startsWith('api/manage/')) assert.equal(trigger.authLevel, 'function', `${fn.metadata.name} is an admin route`);
    }
    assert.doesNotThrow(() => buildHttpRoutes(app.functions, app.routePrefix));
  });

  it('registers api/mcp anonymously for POST, and GET/DELETE/OPTIONS so the handler answers them', () => {
    const mcp = httpTrigger(app, 'mcp');
    assert.equal(mcp.route, 'api/mcp');
    assert.equal(mcp.authLevel, 'anonymous');
    assert.deepEqual([...(mcp.methods ?? [])].sort(), ['DELETE', 'GET', 'OPTIONS', 'POST']);
  });

  it('registers health and readiness as anonymous GETs', () => {
    for (const [name, route] of [['health', 'api/health'], ['ready', 'api/ready']] as const) {
      const trigger = httpTrigger(app, name);
      assert.equal(trigger.route, route);
      assert.equal(trigger.authLevel, 'anonymous');
      assert.deepEqual(trigger.methods, ['GET']);
    }
  });

  it('has the host.json keys the routes and time budget rely on', () => {
    const hostJson = JSON.parse(fs.readFileSync('host.json', 'utf8')) as {
      version: string;
      functionTimeout: string;
      extensions: { http: { routePrefix: string } };
      extensionBundle: { id: string };
    };
    assert.equal(hostJson.version, '2.0');
    assert.equal(hostJson.extensions.http.routePrefix, '');
    assert.equal(app.routePrefix, '');
    assert.equal(hostJson.extensionBundle.id, 'Microsoft.Azure.Functions.ExtensionBundle');
    assert.ok(parseTimeSpan(hostJson.functionTimeout) > MAX_TOOL_TIMEOUT_MS, 'the tool budget stays below functionTimeout');
  });

  it('points package.json main at the compiled registrations', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string; engines: { node: string } };
    assert.equal(pkg.main, 'dist/functions/index.js');
    assert.ok(fs.existsSync(pkg.main));
    assert.match(pkg.engines.node, />=\s*22/);
  });
});
