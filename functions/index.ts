// Entry point named by package.json "main": the Functions host (or the local host in dev/)
// loads this file. It checks the Node version before anything native can load (a static import
// would load the store's native module before any check could run), keeps nextTick's object maps
// alive (shared/runtime/tick-object-maps.ts), then registers every function.
import { exitUnlessSupportedNode } from '../shared/runtime/supported-node.js';
import { keepTickObjectMaps } from '../shared/runtime/tick-object-maps.js';

exitUnlessSupportedNode('The Contoso MCP function app');
keepTickObjectMaps();
await import('./register-functions.js');
