// Entry point named by package.json "main": the Functions host (or the local host in dev/)
// loads this file, which enables streamed HTTP bodies and imports every registration.
import './setup.js';
import './mcp.js';
import './health.js';
import './seed.js';
import './oauth-metadata.js';
