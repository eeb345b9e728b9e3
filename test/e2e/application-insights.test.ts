// The real Azure Monitor exporter, in the bundled app under the local host, sending to a local
// HTTPS stand-in for the ingestion endpoint (trusted through NODE_EXTRA_CA_CERTS in the app's
// environment; statsbeat off). A tool call sent with a W3C traceparent arrives as a request
// joined to that trace, with the tool and store calls as its dependencies and the tool metrics;
// no envelope carries a secret. The KQL queries of docs/operations.md are then checked against
// these envelopes: every table and field they use is one the exporter fills.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIngestionStandIn, type Envelope, type IngestionStandIn } from '../support/ingestion-stand-in.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';
import { postRaw, toolCall } from '../support/mcp-clients.js';
import { checkKqlAgainstEnvelopes, readOperationsKql } from '../support/kql-check.js';

const IKEY = '00000000-0000-4000-8000-00000000beef';
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const HOST_SPAN_ID = 'b7ad6b7169203331';
const FUNCTION_KEY = 'telemetry-test-function-key-9f1c';
const STATE_KEY = 'telemetry-test-request-state-key-0123456789abcdef';

const baseType = (envelope: Envelope) => envelope.data?.baseType;
const propertiesOf = (envelope: Envelope) => envelope.data?.baseData?.properties ?? {};
const named = (envelopes: Envelope[], type: string, name: string) => envelopes.filter((e) => baseType(e) === type && e.data?.baseData?.name === name);
const metricNamed = (envelopes: Envelope[], name: string) =>
  envelopes.filter((e) => baseType(e) === 'MetricData' && (e.data?.baseData?.metrics as Array<{ name: string }> | undefined)?.some((m) => m.name === name));

describe('telemetry to Application Insights (the real exporter, a local ingestion stand-in)', () => {
  let standIn: IngestionStandIn;
  let host: LocalHostProcess;
  let token: string;

  before(async () => {
    standIn = await startIngestionStandIn();
    host = await startLocalHost({
      SEED_CUSTOMER_COUNT: '3',
      LOCAL_FUNCTION_KEY: FUNCTION_KEY,
      MCP_REQUEST_STATE_KEY: STATE_KEY,
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${IKEY};IngestionEndpoint=${standIn.endpoint}`,
      NODE_EXTRA_CA_CERTS: standIn.caFile,
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      // Export within a second instead of every 5 s (spans) and 60 s (metrics).
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_METRIC_EXPORT_INTERVAL: '1000',
    });
    token = await host.mintToken();
    const authorization = { authorization: `Bearer ${token}` };
    assert.equal((await postRaw(host.mcpUrl, toolCall(1, 'get_customer_detail', { customer_id: 251 }), { ...authorization, traceparent: `00-${TRACE_ID}-${HOST_SPAN_ID}-01` })).status, 200);
    await postRaw(host.mcpUrl, toolCall(2, 'get_customer_detail', { customer_id: 987_654 }), authorization);
    assert.equal((await postRaw(host.mcpUrl, toolCall(3, 'get_products', {}), { authorization: `Bearer ${token.slice(0, -4)}AAAA` })).status, 401);
    await standIn.until(
      (envelopes) =>
        named(envelopes, 'RequestData', 'tools/call get_customer_detail').length >= 2 &&
        named(envelopes, 'RequestData', 'POST /api/mcp').length >= 1 &&
        metricNamed(envelopes, 'contoso.tool.calls').length >= 1 &&
        metricNamed(envelopes, 'contoso.mcp.refusals').length >= 1,
      20_000,
    );
  });
  after(async () => {
    await host?.stop();
    await standIn?.close();
  });

  it('sends the tool call as a request joined to the caller\'s trace, with the tool and store calls as its dependencies', () => {
    assert.ok(standIn.paths.every((path) => path === '/v2.1/track'), standIn.paths.join());
    const spanIds = standIn.envelopes.filter((e) => baseType(e) !== 'MetricData').map((e) => e.data?.baseData?.id);
    assert.equal(new Set(spanIds).size, spanIds.length, 'each span is sent once (the distro\'s own trace exporter sends none)');
    const request = named(standIn.envelopes, 'RequestData', 'tools/call get_customer_detail').find((e) => e.tags?.['ai.operation.id'] === TRACE_ID);
    assert.ok(request, 'the request joined the traceparent\'s operation');
    assert.equal(request.iKey, IKEY);
    assert.equal(request.tags?.['ai.operation.parentId'], HOST_SPAN_ID);
    assert.equal(request.data?.baseData?.responseCode, '200');
    assert.equal(request.data?.baseData?.success, true);
    assert.deepEqual(
      { tool: propertiesOf(request)['gen_ai.tool.name'], outcome: propertiesOf(request)['contoso.mcp.outcome'], era: propertiesOf(request)['contoso.mcp.era'] },
      { tool: 'get_customer_detail', outcome: 'ok', era: 'legacy' },
    );
    const dependencies = standIn.envelopes.filter((e) => baseType(e) === 'RemoteDependencyData' && e.tags?.['ai.operation.id'] === TRACE_ID);
    const tool = dependencies.find((e) => e.data?.baseData?.name === 'execute_tool get_customer_detail');
    assert.ok(tool, dependencies.map((e) => e.data?.baseData?.name).join());
    assert.equal(tool.data?.baseData?.type, 'InProc');
    assert.equal(tool.tags?.['ai.operation.parentId'], request.data?.baseData?.id);
    assert.equal(propertiesOf(tool)['contoso.tenant_id'], '00000000-0000-0000-0000-00000000c0de');
    const store = dependencies.find((e) => e.data?.baseData?.name === 'customers.get');
    assert.equal(store?.data?.baseData?.type, 'SQL');
    assert.equal(store?.data?.baseData?.target, 'sqlite');
    assert.equal(store?.tags?.['ai.operation.parentId'], tool.data?.baseData?.id);
  });

  it('sends a tool error and a refusal with their outcome, and the tool metrics', () => {
    const failed = named(standIn.envelopes, 'RequestData', 'tools/call get_customer_detail').find((e) => propertiesOf(e)['contoso.mcp.outcome'] === 'tool_error');
    assert.equal(failed && propertiesOf(failed)['contoso.tool.outcome'], 'NOT_FOUND');
    const refused = named(standIn.envelopes, 'RequestData', 'POST /api/mcp')[0];
    assert.deepEqual([refused?.data?.baseData?.responseCode, refused?.data?.baseData?.success, refused && propertiesOf(refused)['contoso.refusal.reason']], ['401', false, 'bad_signature']);
    const calls = metricNamed(standIn.envelopes, 'contoso.tool.calls').map(propertiesOf);
    assert.ok(calls.some((p) => p['gen_ai.tool.name'] === 'get_customer_detail' && p['contoso.tool.outcome'] === 'NOT_FOUND'), JSON.stringify(calls));
  });

  it('sends no secret: no token, key or connection string in any envelope', () => {
    const everything = standIn.bodies.join('\n');
    for (const secret of [token, token.slice(0, 40), FUNCTION_KEY, STATE_KEY, `IngestionEndpoint=${standIn.endpoint}`]) {
      assert.ok(!everything.includes(secret), `an envelope carries ${secret.slice(0, 12)}…`);
    }
    assert.doesNotMatch(everything, /eyJ[\w-]{4,}\.[\w-]{4,}/);
  });

  it('answers the KQL queries of docs/operations.md with tables and fields these envelopes fill', () => {
    const queries = readOperationsKql();
    assert.ok(queries.length >= 5, `docs/operations.md holds ${queries.length} KQL queries`);
    assert.deepEqual(checkKqlAgainstEnvelopes(queries, standIn.envelopes), []);
  });

  it('would catch a query that names a wrong metric, dimension, column or table', () => {
    const wrong = [
      'customMetrics | where name == "contoso.tool.call" | summarize sum(value)',
      'dependencies | summarize count() by tostring(customDimensions["contoso.tool"])',
      'requests | summarize count() by performanceBucket, target',
      'pageViews | take 1',
    ].map((text, index) => ({ title: `wrong ${index}`, text }));
    const problems = checkKqlAgainstEnvelopes(wrong, standIn.envelopes);
    assert.deepEqual(problems, [
      'wrong 0: name == "contoso.tool.call" matches no envelope',
      'wrong 1: customDimensions["contoso.tool"] is carried by no envelope of dependencies',
      'wrong 2: column target is filled by no envelope of requests',
      'wrong 3: names no Application Insights table',
    ]);
  });
});
