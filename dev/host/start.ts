// `npm start` entry: checks the Node version before anything native can load, then starts the
// local Functions host (run-local-host.ts), keeping nextTick's object maps alive first
// (shared/runtime/tick-object-maps.ts).
import { exitUnlessSupportedNode } from '../../shared/runtime/supported-node.js';
import { keepTickObjectMaps } from '../../shared/runtime/tick-object-maps.js';

exitUnlessSupportedNode('The local Functions host (npm start)');
keepTickObjectMaps();
await import('./run-local-host.js');
