// Every registration of the function app, in order: streamed HTTP bodies are enabled first,
// then each function registers itself. Loaded by index.ts once the Node version is checked.
import './setup.js';
import './mcp.js';
import './health.js';
import './seed.js';
import './callback.js';
import './oauth-metadata.js';
import './troubleshoot.js';
import './job-retention.js';
import './app-terminate.js';
