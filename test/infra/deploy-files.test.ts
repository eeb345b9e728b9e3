// The files around the templates that `azd up` and `azd pipeline config` use agree with them:
// azure.yaml deploys the small package folder with the preprovision hook; main.parameters.json
// maps every parameter that has no default, and the secrets only from the azd environment; the
// hook's scripts parse, are executable and register the scope and the four roles; the workflow
// runs the whole test suite before it provisions or deploys; host.json's task hub is the one the
// Durable Task Scheduler gets.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { PACKAGE_DIR } from '../../dev/build/package-app.js';
import { compiledMain } from './bicep-runner.js';
import { loadDeployments } from './deployments.js';

const read = (file: string) => fs.readFileSync(file, 'utf8');
const SCRIPTS = 'infra/scripts';

/** `name: value` lines of a YAML block under `key:` (flat, as azure.yaml writes them). */
function yamlBlock(yaml: string, key: string): Record<string, string> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === `${key}:` || line.trim() === `${key}:`);
  assert.ok(start >= 0, `azure.yaml has no ${key}:`);
  const indent = (lines[start]?.length ?? 0) - (lines[start]?.trimStart().length ?? 0);
  const block: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') continue;
    if (line.length - line.trimStart().length <= indent) break;
    const match = /^\s*([\w-]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) block[match[1]] = match[2];
  }
  return block;
}

describe('deployment files', () => {
  before(loadDeployments);

  it('azure.yaml deploys the api service from the package folder, with the preprovision hook', () => {
    const yaml = read('azure.yaml');
    const api = yamlBlock(yaml, '  api');
    assert.deepEqual([api.project, api.language, api.host, api.dist, api.remoteBuild], ['.', 'ts', 'function', PACKAGE_DIR, 'false']);
    const hook = yamlBlock(yaml, '  preprovision');
    assert.equal(hook.run, './infra/scripts/preprovision.sh');
    assert.ok(fs.statSync(hook.run ?? '').mode & 0o111, 'the hook is executable');
    assert.equal(yamlBlock(yaml, 'infra').path, 'infra');
    const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    assert.match(packageJson.scripts.package ?? '', /package-app\.js/, 'azd runs `npm run package`');
  });

  it('main.parameters.json maps every parameter without a default, and secrets only from the environment', () => {
    const template = compiledMain();
    const mapped = (JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, { value: unknown }> }).parameters;
    const unknown = Object.keys(mapped).filter((name) => !(name in template.parameters));
    assert.deepEqual(unknown, []);
    const required = Object.entries(template.parameters).filter(([, p]) => p.defaultValue === undefined).map(([name]) => name);
    assert.deepEqual(required.filter((name) => !(name in mapped)), []);
    for (const [name, parameter] of Object.entries(template.parameters)) {
      if (parameter.type.toLowerCase() !== 'securestring') continue;
      assert.match(String(mapped[name]?.value), /^\$\{[A-Z_]+=?\}$/, `${name}: an azd environment value, never a literal`);
    }
  });

  it('the hook sets every azd value main.parameters.json needs from it', () => {
    const parameters = read('infra/main.parameters.json');
    const hookScripts = fs.readdirSync(SCRIPTS).map((file) => read(path.join(SCRIPTS, file))).join('\n');
    const setByHook = new Set([...hookScripts.matchAll(/azd env set "?\$?\{?([A-Z_]+)/g), ...hookScripts.matchAll(/^ensure ([A-Z_]+) /gm)].map((m) => m[1] ?? ''));
    setByHook.delete('');
    for (const name of ['AUTH_AUDIENCE', 'ALLOWED_TENANTS', 'ENTRA_TENANT_ID', 'SCHEDULER_CALLBACK_SECRET', 'MCP_REQUEST_STATE_KEY', 'APIM_GATEWAY_MARKER', 'KEYVAULT_CREATE_MODE']) {
      assert.ok(setByHook.has(name), `the hook does not set ${name}`);
      assert.ok(parameters.includes(`\${${name}`), `main.parameters.json does not use ${name}`);
    }
  });

  it('the hook scripts parse, are executable, and register the MCP.Access scope and the four roles idempotently', () => {
    for (const file of fs.readdirSync(SCRIPTS)) {
      const script = path.join(SCRIPTS, file);
      execFileSync('bash', ['-n', script]);
      assert.ok(fs.statSync(script).mode & 0o111, `${script} is executable`);
      assert.match(read(script), /^#!\/usr\/bin\/env bash\n(#.*\n)+set -euo pipefail\n/, `${script}: bash, a header comment, strict mode`);
    }
    const entra = read(path.join(SCRIPTS, 'entra-app-registration.sh'));
    assert.match(entra, /^ROLES=\(support\.read support\.write security admin\)$/m);
    for (const role of ['support.read', 'support.write', 'security', 'admin']) assert.match(entra, new RegExp(`role_json ${role.replace('.', '\\.')} `));
    assert.match(entra, /^SCOPE=MCP\.Access$/m);
    assert.match(entra, /VS_CODE_CLIENT_ID=aebc6443-996d-45c2-90f0-388ff96faa56/);
    assert.match(entra, /requestedAccessTokenVersion\\":2/);
    assert.match(entra, /appRoleAssignmentRequired=true/);
    // Idempotent: existing ids are read back before new ones are made, and the app is looked up first.
    assert.match(entra, /scope_id="\$\{scope_id:-\$\(new_id\)\}"/);
    assert.match(entra, /az ad app list --display-name/);
  });

  it('the workflow runs npm ci and the whole npm test before it provisions or deploys', () => {
    const workflow = read('.github/workflows/azure-dev.yml');
    const steps = ['run: npm ci', 'run: npm test', 'run: azd provision --no-prompt', 'run: azd deploy --no-prompt'].map((step) => workflow.indexOf(step));
    assert.ok(steps.every((at) => at >= 0), 'every step is there');
    assert.deepEqual([...steps].sort((a, b) => a - b), steps, 'in this order');
    assert.match(workflow, /id-token: write/);
    assert.match(workflow, /--federated-credential-provider github/);
    for (const secret of ['SCHEDULER_CALLBACK_SECRET', 'MCP_REQUEST_STATE_KEY', 'APIM_GATEWAY_MARKER']) {
      assert.match(workflow, new RegExp(`${secret}: \\$\\{\\{ secrets\\.${secret} \\}\\}`));
    }
  });

  it('host.json\'s task hub is the one the Durable Task Scheduler gets', () => {
    const hostJson = JSON.parse(read('host.json')) as { extensions: { durableTask: { hubName: string } } };
    assert.equal(compiledMain().parameters.durableTaskHubName?.defaultValue, hostJson.extensions.durableTask.hubName);
  });
});
