// node:http, loaded with require rather than `import`. Importing a builtin from an ES module
// builds its ES module facade, which reads every export; node:http's lazy exports (WebSocket,
// MessageEvent, …) then load the whole fetch implementation (undici): measured here, 40 ms for
// `import('node:http')` against 7 ms for require, on the path of every development host's start.
// Servers made from it are ordinary node:http servers.
import { createRequire } from 'node:module';
import type http from 'node:http';

export const nodeHttp = createRequire(import.meta.url)('node:http') as typeof http;
