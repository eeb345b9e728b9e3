// `npm run infra:restore` (and the first step of `npm test` after the build): makes sure the
// pinned Bicep CLI is in infra/tools/.bicep/, restoring it from NuGet when it is not, and says
// which version it is and how long the restore took.
import path from 'node:path';
import { ensureBicepCli } from './bicep-cli.js';

function main(): void {
  const result = ensureBicepCli();
  const where = path.relative(process.cwd(), result.binary);
  process.stdout.write(
    result.restored
      ? `Bicep CLI ${result.version} restored from NuGet in ${(result.durationMs / 1000).toFixed(1)} s: ${where}\n`
      : `Bicep CLI ${result.version} already restored: ${where}\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
