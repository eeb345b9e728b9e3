// Enables streamed request and response bodies (SSE for MCP progress). Imported first by
// index.ts so it runs before any registration.
import azureFunctions from '@azure/functions';

azureFunctions.app.setup({ enableHttpStream: true });
