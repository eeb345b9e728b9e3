// The MCP conformance suite's fixtures as one server extension: the `test_*` tools, resources
// and prompts its scenarios call by name, and the tasks-extension tools with their in-memory task
// provider. Development only: the local host installs it when MCP_CONFORMANCE_FIXTURES=true
// (refused in Azure), and dist/dev is not deployed.
import type { ServerExtension } from '../../shared/mcp/server-extension.js';
import { systemClock } from '../../shared/time/clock.js';
import { registerClientRequestTools } from './client-request-tools.js';
import { registerContentTools } from './content-tools.js';
import { registerInputRequiredTools } from './input-required-tools.js';
import { registerProtocolProbes } from './protocol-probes.js';
import { registerPrompts, registerResources } from './resources-and-prompts.js';
import { createTaskFixtureProvider, registerTaskFixtureTools } from './task-fixtures.js';

export const conformanceFixtures: ServerExtension = {
  name: 'mcp-conformance-fixtures',
  capabilities: {
    tools: { listChanged: true },
    prompts: { listChanged: true },
    resources: { listChanged: false },
    logging: {},
    completions: {},
  },
  register(server, context) {
    registerContentTools(server);
    registerClientRequestTools(server);
    registerInputRequiredTools(server, context);
    registerProtocolProbes(server, context);
    registerResources(server);
    registerPrompts(server);
    registerTaskFixtureTools(server);
  },
  // One task table for the process: every request the local host serves sees the same tasks.
  taskProvider: createTaskFixtureProvider(systemClock),
};
