// Where the restore script finds the Bicep CLI: the version comes from the restore project only,
// the package is chosen per platform, and the binary's place inside the package folder is the one
// NuGet lays out (lower-cased id, version, tools/). The restore itself runs as a step of npm test.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BICEP_PROJECT, bicepBinaryIn, bicepRuntime, ensureBicepCli, pinnedBicepVersion } from '../../../dev/infra/bicep-cli.js';

describe('Bicep CLI restore', () => {
  it('reads the pinned version from the restore project, and nowhere else', () => {
    assert.match(pinnedBicepVersion(), /^\d+\.\d+\.\d+$/);
    const project = fs.readFileSync(BICEP_PROJECT, 'utf8');
    assert.match(project, /<PackageDownload Include="Azure\.Bicep\.CommandLine\.\$\(BicepRuntime\)" Version="\[\$\(BicepVersion\)\]" \/>/, 'an exact version');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-project-'));
    fs.writeFileSync(path.join(dir, 'p.csproj'), '<Project />');
    assert.throws(() => pinnedBicepVersion(path.join(dir, 'p.csproj')), /names no <BicepVersion>/);
    fs.rmSync(dir, { recursive: true });
  });

  it('picks the package of the machine', () => {
    assert.equal(bicepRuntime('linux', 'x64'), 'linux-x64');
    assert.equal(bicepRuntime('darwin', 'arm64'), 'osx-arm64');
    assert.equal(bicepRuntime('win32', 'x64'), 'win-x64');
    assert.throws(() => bicepRuntime('aix', 'ppc64'), /no Bicep CLI package for aix\/ppc64/);
  });

  it('finds the binary where NuGet unpacks it', () => {
    assert.equal(bicepBinaryIn('/p', '0.49.2', 'linux-x64'), path.join('/p', 'azure.bicep.commandline.linux-x64', '0.49.2', 'tools', 'bicep'));
    assert.equal(bicepBinaryIn('/p', '0.49.2', 'win-x64'), path.join('/p', 'azure.bicep.commandline.win-x64', '0.49.2', 'tools', 'bicep.exe'));
  });

  it('has restored an executable binary of the pinned version', () => {
    const { binary, version } = ensureBicepCli();
    assert.equal(version, pinnedBicepVersion());
    assert.ok(fs.statSync(binary).mode & 0o111, 'executable');
  });
});
