// Loads package.json "main" the way the Functions host does (through @azure/functions-core)
// and checks every registration against one complete table (name, route, methods, auth level),
// the host's routing rules and our conventions; and that every file in functions/ that
// registers something is loaded by the entry point.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadFunctionApp, type LoadedFunctionApp } from '../../dev/host/function-app.js';
import { buildHttpRoutes } from '../../dev/host/http-routes.js';
import { routeTemplateProblems } from '../../dev/host/route-rules.js';
import type { BindingInfo } from '../../dev/host/core-api-shim.js';
import { MAX_TOOL_TIMEOUT_MS } from '../../shared/config/settings-schema.js';
import { TROUBLESHOOT_ORCHESTRATION } from '../../shared/jobs/troubleshoot/troubleshoot-job.js';
import { TROUBLESHOOT_STEPS } from '../../shared/jobs/troubleshoot/troubleshoot-steps.js';

interface ExpectedHttpFunction {
  route: string;
  methods: string[];
  authLevel: 'anonymous' | 'function';
}

/** Every function the app registers: a new one must be added here, with its route and auth level. */
const EXPECTED: Record<string, ExpectedHttpFunction> = {
  mcp: { route: 'api/mcp', methods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'], authLevel: 'anonymous' },
  health: { route: 'api/health', methods: ['GET'], authLevel: 'anonymous' },
  ready: { route: 'api/ready', methods: ['GET'], authLevel: 'anonymous' },
  seed: { route: 'api/manage/seed', methods: ['POST'], authLevel: 'function' },
  callback: { route: 'api/callback', methods: ['POST'], authLevel: 'anonymous' },
  oauthProtectedResource: { route: '.well-known/oauth-protected-resource', methods: ['GET'], authLevel: 'anonymous' },
  oauthProtectedResourceMcp: { route: '.well-known/oauth-protected-resource/api/mcp', methods: ['GET'], authLevel: 'anonymous' },
  localIssuerMetadata: { route: '.well-known/oauth-authorization-server', methods: ['GET'], authLevel: 'anonymous' },
  localIssuerJwks: { route: 'api/local-issuer/jwks', methods: ['GET'], authLevel: 'anonymous' },
};

/** Durable Functions registrations, by trigger type: the troubleshoot job and its steps. */
const EXPECTED_DURABLE: Record<string, 'orchestrationTrigger' | 'activityTrigger'> = {
  [TROUBLESHOOT_ORCHESTRATION]: 'orchestrationTrigger',
  ...Object.fromEntries(TROUBLESHOOT_STEPS.map((step) => [step.activity, 'activityTrigger' as const])),
};

/** Timer functions and their NCRONTAB schedules. */
const EXPECTED_TIMERS: Record<string, string> = { purgeFinishedJobs: '0 7 * * * *' };

/** Functions that reach the job engine through the durable client input binding. */
const DURABLE_CLIENT_USERS = ['mcp', 'purgeFinishedJobs'];

function httpTrigger(app: LoadedFunctionApp, name: string): BindingInfo {
  const fn = app.functions.find((f) => f.metadata.name === name);
  assert.ok(fn, `function ${name} is registered`);
  const trigger = Object.values(fn.metadata.bindings).find((b) => b.type === 'httpTrigger');
  assert.ok(trigger, `${name} has an HTTP trigger`);
  return trigger;
}

/** host.json `hh:mm:ss` (optionally `d.hh:mm:ss`) as milliseconds. */
function parseTimeSpan(value: string): number {
  const match = /^(?:(\d+)\.)?(\d{2}):(\d{2}):(\d{2})$/.exec(value);
  assert.ok(match, `"${value}" is not a hh:mm:ss time span`);
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return (((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

describe('function registrations (package.json main)', () => {
  let app: LoadedFunctionApp;
  before(async () => {
    app = await loadFunctionApp(process.cwd());
  });

  it('registers exactly the functions of the table, each once', () => {
    const names = app.functions.map((f) => f.metadata.name);
    assert.deepEqual([...names].sort(), [...Object.keys(EXPECTED), ...Object.keys(EXPECTED_DURABLE), ...Object.keys(EXPECTED_TIMERS)].sort());
    assert.equal(new Set(names).size, names.length, 'no name is registered twice');
  });

  it('registers the troubleshoot orchestration, one activity per step and the retention timer, as durable-functions would', () => {
    for (const [name, type] of Object.entries(EXPECTED_DURABLE)) {
      const fn = app.functions.find((f) => f.metadata.name === name);
      const bindings = Object.values(fn?.metadata.bindings ?? {});
      assert.deepEqual(
        bindings.map((b) => ({ type: b.type, direction: b.direction })),
        [{ type, direction: 'in' }],
        name,
      );
    }
    for (const [name, schedule] of Object.entries(EXPECTED_TIMERS)) {
      const fn = app.functions.find((f) => f.metadata.name === name);
      const trigger = Object.values(fn?.metadata.bindings ?? {}).find((b) => b.type === 'timerTrigger');
      assert.equal(trigger?.schedule, schedule, name);
    }
    for (const fn of app.functions) {
      const clients = Object.values(fn.metadata.bindings).filter((b) => b.type === 'durableClient');
      assert.equal(clients.length, DURABLE_CLIENT_USERS.includes(fn.metadata.name) ? 1 : 0, `${fn.metadata.name}: durable client input`);
    }
  });

  it('gives each function its route, methods and auth level', () => {
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const trigger = httpTrigger(app, name);
      assert.deepEqual(
        { route: trigger.route, methods: [...(trigger.methods ?? [])].sort(), authLevel: trigger.authLevel },
        expected,
        name,
      );
    }
  });

  it('keeps every route inside api/ or .well-known/ and away from reserved prefixes; admin routes need a function key', () => {
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

  it('loads every file of functions/ that registers a function from the entry point', () => {
    const entry = fs.readFileSync('functions/register-functions.ts', 'utf8');
    for (const file of fs.readdirSync('functions').filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join('functions', file), 'utf8');
      if (!/\bapp\.(http|generic|timer|storageQueue)\(|df\.app\.|\bregister(Orchestration|Activity)\(/.test(source)) continue;
      assert.ok(entry.includes(`'./${file.replace(/\.ts$/, '.js')}'`), `functions/${file} registers functions but register-functions.ts does not import it`);
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
    assert.equal(parseTimeSpan('1.00:00:30'), 86_430_000);
  });

  it('points package.json main at the compiled entry point, which requires Node 22', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string; engines: { node: string } };
    assert.equal(pkg.main, 'dist/app/index.js');
    assert.ok(fs.existsSync(pkg.main));
    assert.match(pkg.engines.node, />=\s*22/);
  });
});
