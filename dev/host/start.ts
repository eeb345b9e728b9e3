// `npm start` entry: checks the Node version before anything native can load, then starts the
// local Functions host (run-local-host.ts).
import { exitUnlessSupportedNode } from '../../shared/runtime/supported-node.js';

exitUnlessSupportedNode('The local Functions host (npm start)');
await import('./run-local-host.js');
