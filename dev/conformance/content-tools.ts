// The suite's content and notification tools (tools-call-* scenarios): one per content type, a
// tool that fails, and tools that stream progress or log messages while they run.
import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { pause, TEST_AUDIO_BASE64, TEST_IMAGE_BASE64, textResult } from './fixture-content.js';

const NO_ARGUMENTS = z.object({});

/** Registers the content and notification tools on one per-request server. */
export function registerContentTools(server: McpServer): void {
  server.registerTool('test_simple_text', { description: 'Returns one text block' }, () =>
    textResult('This is a simple text response for testing.'),
  );

  server.registerTool('test_image_content', { description: 'Returns one PNG image block' }, () => ({
    content: [{ type: 'image', data: TEST_IMAGE_BASE64, mimeType: 'image/png' }],
  }));

  server.registerTool('test_audio_content', { description: 'Returns one WAV audio block' }, () => ({
    content: [{ type: 'audio', data: TEST_AUDIO_BASE64, mimeType: 'audio/wav' }],
  }));

  server.registerTool('test_embedded_resource', { description: 'Returns an embedded text resource' }, () => ({
    content: [
      {
        type: 'resource',
        resource: { uri: 'test://embedded-resource', mimeType: 'text/plain', text: 'This is an embedded resource content.' },
      },
    ],
  }));

  server.registerTool('test_multiple_content_types', { description: 'Returns text, image and resource blocks together' }, () => ({
    content: [
      { type: 'text', text: 'Multiple content types test:' },
      { type: 'image', data: TEST_IMAGE_BASE64, mimeType: 'image/png' },
      {
        type: 'resource',
        resource: { uri: 'test://mixed-content-resource', mimeType: 'application/json', text: JSON.stringify({ test: 'data', value: 123 }) },
      },
    ],
  }));

  server.registerTool('test_error_handling', { description: 'Always fails, as a tool error' }, () => {
    throw new Error('This tool intentionally returns an error for testing');
  });

  server.registerTool(
    'test_tool_with_progress',
    { description: 'Reports progress 0, 50 and 100 of 100 when the call carries a progressToken', inputSchema: NO_ARGUMENTS },
    async (_args, ctx) => {
      const progressToken = ctx.mcpReq._meta?.progressToken;
      if (progressToken !== undefined) {
        for (const progress of [0, 50, 100]) {
          await ctx.mcpReq.notify({
            method: 'notifications/progress',
            params: { progressToken, progress, total: 100, message: `Completed step ${progress} of 100` },
          });
          if (progress < 100) await pause(50);
        }
      }
      return textResult(String(progressToken ?? 'no-progress-token'));
    },
  );

  server.registerTool(
    'test_tool_with_logging',
    { description: 'Sends three info log messages while it runs', inputSchema: NO_ARGUMENTS },
    async (_args, ctx) => {
      for (const [index, data] of ['Tool execution started', 'Tool processing data', 'Tool execution completed'].entries()) {
        if (index > 0) await pause(50);
        await ctx.mcpReq.notify({ method: 'notifications/message', params: { level: 'info', data } });
      }
      return textResult('Tool with logging executed successfully');
    },
  );
}
