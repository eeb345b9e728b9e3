// Entry point named by package.json "main": the Functions host (or the local host in dev/)
// loads this file. It checks the Node version before anything native can load (a static import
// would load the store's native module before any check could run), then registers every function.
import { exitUnlessSupportedNode } from '../shared/runtime/supported-node.js';

exitUnlessSupportedNode('The Contoso MCP function app');
await import('./register-functions.js');
