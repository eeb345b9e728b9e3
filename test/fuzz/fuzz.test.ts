// Fuzzes POST /api/mcp of the real local host with a fixed-seed corpus of hostile requests
// (see corpus/): every one must be refused or answered as its case allows, never with a 5xx
// or a hang; the server must serve normally afterwards; and no customer data may change
// (SHA-256 of the canonical dataset the host was seeded with, and of the store's export once the
// host has stopped: the store belongs to the host's process while it runs; audit records are not
// part of either).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { canonicalJson } from '../../shared/seed/canonical-json.js';
import { generateDataset } from '../../shared/seed/generate-dataset.js';
import { CONTOSO_TOOLS } from '../../shared/tools/registry.js';
import { createSqliteStore } from '../../shared/storage/sqlite/sqlite-store.js';
import { postRaw, toolCall } from '../support/mcp-clients.js';
import { startLocalHost, TEST_ANCHOR_DATE, type LocalHostProcess } from '../support/local-host-process.js';
import { buildCorpus } from './corpus/build-corpus.js';
import type { FuzzCase, Outcome } from './corpus/fuzz-case.js';
import { validMutations } from './corpus/mutation-guard.js';
import { ENVELOPE, modernCall, modernHeaders } from './corpus/requests.js';
import { judge, type Verdict } from './judge-response.js';
import { HANG_LIMIT_MS, sendCase, type Target } from './send-case.js';
import { mintTokenBook } from './token-book.js';

const IN_FLIGHT = 8;
const corpus = buildCorpus();
const seedHex = `0x${corpus.seed.toString(16)}`;

type Rpc = { result?: { isError?: boolean; structuredContent?: Record<string, unknown>; tools?: unknown[] }; error?: unknown };

const CUSTOMER_COUNT = 20;
const digestOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** The digest of the store in `dataDir` (its host must have stopped: the file is its process's). */
async function storeDigest(dataDir: string): Promise<string> {
  const store = createSqliteStore({ path: path.join(dataDir, 'contoso.db') });
  try {
    return digestOf(await store.exportAll());
  } finally {
    await store.close();
  }
}

/** Runs `work` over `items` with at most `width` at a time, keeping the order of results. */
async function mapPool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

describe(`fuzz corpus of POST /api/mcp (seed ${seedHex}, ${corpus.cases.length} requests)`, () => {
  let host: LocalHostProcess;
  let target: Target;
  before(async () => {
    host = await startLocalHost({ SEED_CUSTOMER_COUNT: String(CUSTOMER_COUNT) });
    const url = new URL(host.baseUrl);
    target = { host: url.hostname, port: Number(url.port), tokens: await mintTokenBook(host) };
  });
  after(async () => host?.stop());

  it('is the same corpus on every run, large enough, and calls no mutating tool with valid arguments', (t) => {
    assert.equal(buildCorpus().digest, corpus.digest, 'the corpus is not deterministic');
    assert.ok(corpus.cases.length >= 500, `only ${corpus.cases.length} cases`);
    const unauthenticated = corpus.cases.filter((fuzzCase) => fuzzCase.auth !== 'valid').length;
    assert.ok(unauthenticated >= 50, `only ${unauthenticated} cases without a valid token`);
    for (const fuzzCase of corpus.cases) assert.deepEqual(validMutations(fuzzCase.body), [], fuzzCase.name);
    t.diagnostic(`seed ${seedHex}, ${corpus.cases.length} cases, digest ${corpus.digest.slice(0, 16)}, ${unauthenticated} without a valid token`);
    t.diagnostic(`per category: ${JSON.stringify(corpus.counts)}`);
    t.diagnostic(`dropped as valid mutations: ${corpus.dropped.length}${corpus.dropped.length ? ` (${corpus.dropped.slice(0, 5).join('; ')})` : ''}`);
  });

  it('answers every case as allowed: no 5xx, no hang, no success for an invalid request', async (t) => {
    const started = Date.now();
    const verdicts = await mapPool(corpus.cases, IN_FLIGHT, async (fuzzCase): Promise<[FuzzCase, Verdict]> => [fuzzCase, judge(fuzzCase, await sendCase(fuzzCase, target))]);
    const elapsed = Date.now() - started;

    const tally: Partial<Record<Outcome, number>> = {};
    for (const [, verdict] of verdicts) for (const outcome of new Set(verdict.outcomes)) tally[outcome] = (tally[outcome] ?? 0) + 1;
    t.diagnostic(`${verdicts.length} requests in ${elapsed} ms (${IN_FLIGHT} in flight, hang limit ${HANG_LIMIT_MS} ms); outcomes ${JSON.stringify(tally)}`);
    const failures = verdicts.filter(([, verdict]) => verdict.problem !== undefined).map(([fuzzCase, verdict]) => `[${fuzzCase.category}] ${fuzzCase.name}: ${verdict.problem}`);
    for (const failure of failures.slice(0, 40)) t.diagnostic(failure);
    assert.deepEqual(failures, [], `${failures.length} of ${verdicts.length} cases answered wrongly`);
    assert.doesNotMatch(host.output(), /local host failure/, 'the host had to answer a 500 itself');
  });

  it('still serves normal calls correctly in both protocol eras afterwards', async () => {
    const auth = { authorization: `Bearer ${target.tokens.valid}` };
    const legacy = await postRaw(host.mcpUrl, toolCall(1, 'get_customer_detail', { customer_id: 251 }), auth);
    assert.equal(legacy.status, 200);
    const legacyResult = (legacy.messages[0] as Rpc).result;
    assert.equal(legacyResult?.isError, undefined, legacy.text);
    assert.equal(legacyResult?.structuredContent?.customer_id, 251);
    assert.equal(legacyResult?.structuredContent?.first_name, 'Nora');

    const modern = await postRaw(host.mcpUrl, modernCall('get_billing_summary', { customer_id: 258 }, ENVELOPE, 2), { ...auth, ...modernHeaders('tools/call', 'get_billing_summary') });
    assert.equal(modern.status, 200);
    const modernResult = (modern.messages[0] as Rpc).result;
    assert.equal(modernResult?.isError, undefined, modern.text);
    assert.equal(modernResult?.structuredContent?.customer_id, 258);

    const list = await postRaw(host.mcpUrl, { jsonrpc: '2.0', id: 3, method: 'tools/list' }, auth);
    assert.equal((list.messages[0] as Rpc).result?.tools?.length, CONTOSO_TOOLS.length);
  });

  it("changed no customer data: the stopped host's store exports exactly the seeded dataset", async () => {
    const seeded = digestOf(generateDataset({ customerCount: CUSTOMER_COUNT, anchorDate: TEST_ANCHOR_DATE }));
    await host.stop({ keepData: true });
    assert.equal(await storeDigest(host.dataDir), seeded, 'the export of the customer data changed');
  });
});
