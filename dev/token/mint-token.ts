// `npm run token` entry: checks the Node version first, then mints a token (run-mint-token.ts).
import { exitUnlessSupportedNode } from '../../shared/runtime/supported-node.js';

exitUnlessSupportedNode('Token minting (npm run token)');
await import('./run-mint-token.js');
