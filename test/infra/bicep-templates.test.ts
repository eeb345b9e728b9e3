// Every template under infra/ compiles (`bicep build`) and passes the linter (`bicep lint` with
// infra/bicepconfig.json) with no diagnostic at warning level or above, using the pinned Bicep CLI.
// Bicep checks resource properties against the Azure types it embeds, but reports an unknown
// property or API version only as a warning, so the test fails on warnings; a fixture copy with
// such mistakes proves the check bites.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { blockingDiagnostics, formatDiagnostics, INFRA_DIR, infraArtifacts, parseDiagnostics, runBicep } from './bicep-runner.js';
import { loadDeployments } from './deployments.js';

function bicepFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : bicepFiles(full);
    return entry.name.endsWith('.bicep') ? [full] : [];
  });
}

/** A copy of the storage module with a misspelt property, an unknown one, an API version that does not exist and a leaked key. */
function brokenStorageModule(): string {
  const source = fs.readFileSync(path.join(INFRA_DIR, 'app/storage.bicep'), 'utf8');
  const broken = source
    .replace("properties: { publicAccess: 'None' }", "properties: { publicAcess: 'None' }")
    .replace("name: conversationsContainerName\n  properties: { publicAccess: 'None' }", "name: conversationsContainerName\n  properties: { publicAccess: 'None', encryptedTwice: true }")
    .replace("'Microsoft.Storage/storageAccounts@2026-09-01' = {", "'Microsoft.Storage/storageAccounts@2099-01-01' = {");
  assert.notEqual(broken, source);
  return `${broken}output leakedKey string = account.listKeys().keys[0].value\n`;
}

describe('Bicep templates', () => {
  before(loadDeployments);

  it('compiles every template with no warning', () => {
    const { outDir, buildDiagnostics: diagnostics } = infraArtifacts();
    assert.deepEqual(blockingDiagnostics(diagnostics), [], formatDiagnostics(diagnostics));
    const templates = bicepFiles(INFRA_DIR);
    assert.ok(templates.includes(path.join(INFRA_DIR, 'main.bicep')) && templates.length >= 10, templates.join(', '));
    for (const template of templates) {
      const compiled = path.join(outDir, path.relative(INFRA_DIR, template).replace(/\.bicep$/, '.json'));
      const arm = JSON.parse(fs.readFileSync(compiled, 'utf8')) as { $schema?: string };
      assert.match(arm.$schema ?? '', /DeploymentTemplate\.json#$/i, compiled);
    }
  });

  it('passes the linter with the rules that matter set to error', () => {
    const diagnostics = infraArtifacts().lintDiagnostics;
    assert.deepEqual(blockingDiagnostics(diagnostics), [], formatDiagnostics(diagnostics));
    const config = JSON.parse(fs.readFileSync(path.join(INFRA_DIR, 'bicepconfig.json'), 'utf8')) as {
      analyzers: { core: { rules: Record<string, { level: string }> } };
    };
    for (const rule of [
      'secure-parameter-default', 'secure-params-in-nested-deploy', 'secure-secrets-in-params', 'outputs-should-not-contain-secrets',
      'use-secure-value-for-secure-inputs', 'no-hardcoded-location', 'no-hardcoded-env-urls', 'use-recent-api-versions',
      'no-unused-params', 'no-unused-vars',
    ]) {
      assert.equal(config.analyzers.core.rules[rule]?.level, 'error', rule);
    }
  });

  it('fails on a wrong property, an unknown API version and a leaked key (the check bites)', () => {
    const dir = fs.mkdtempSync(path.join('.tmp', 'bicep-fixture-'));
    try {
      fs.copyFileSync(path.join(INFRA_DIR, 'bicepconfig.json'), path.join(dir, 'bicepconfig.json'));
      fs.writeFileSync(path.join(dir, 'storage.bicep'), brokenStorageModule());
      const { output } = runBicep(['build', path.join(dir, 'storage.bicep'), '--outdir', dir]);
      const blocking = blockingDiagnostics(parseDiagnostics(output));
      const codes = new Set(blocking.map((d) => d.code));
      for (const code of ['BCP089', 'BCP037', 'BCP081', 'outputs-should-not-contain-secrets']) assert.ok(codes.has(code), `${code} in:\n${output}`);
      assert.ok(blocking.some((d) => d.level === 'Warning'), 'type mistakes arrive as warnings, which the check refuses too');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
