// Child-process helper for the local-issuer race test: loads (or creates) the issuer key in the
// file named by argv[2] and prints its kid.
import { loadOrCreateLocalIssuer } from '../../shared/auth/local-issuer.js';

const keyFile = process.argv[2];
if (!keyFile) throw new Error('usage: local-issuer-kid.ts <key file>');
const issuer = await loadOrCreateLocalIssuer(keyFile, { now: () => new Date() });
process.stdout.write(issuer.kid);
