// `npm run dev-scheduler` entry: checks the Node version before anything else loads, then runs
// the development scheduler (dev-scheduler-main.ts). Development only, never deployed.
import { exitUnlessSupportedNode } from '../../shared/runtime/supported-node.js';

exitUnlessSupportedNode('The development scheduler');
await import('./dev-scheduler-main.js');
