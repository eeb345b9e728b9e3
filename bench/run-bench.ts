// `npm run bench` entry: checks the Node version first, then runs the bench (bench-main.ts).
import { exitUnlessSupportedNode } from '../shared/runtime/supported-node.js';

exitUnlessSupportedNode('The bench (npm run bench)');
await import('./bench-main.js');
