// Assembles the fuzz corpus from every generator under one seed, drops any case that would run
// a mutating tool with valid arguments (there should be none: generators poison them), and
// fingerprints the result so a run can show it sent the same corpus as the last one.
import { createHash } from 'node:crypto';
import { authCases } from './auth-cases.js';
import { batchCases } from './batch-cases.js';
import { envelopeCases } from './envelope-cases.js';
import type { Category, FuzzCase } from './fuzz-case.js';
import { createFuzzRandom, FUZZ_SEED } from './fuzz-random.js';
import { handlerEdgeCases } from './handler-edge-cases.js';
import { headerCases, methodCases } from './http-cases.js';
import { jsonRpcTypeCases, truncatedJsonCases } from './json-rpc-cases.js';
import { metacharacterCases } from './metachar-cases.js';
import { validMutations } from './mutation-guard.js';
import { MUTATING_TOOLS } from './requests.js';
import { numberCases } from './number-cases.js';
import { prototypeCases } from './prototype-cases.js';
import { bodySizeCases, deepNestingCases } from './size-cases.js';
import { socketCases } from './socket-cases.js';
import { toolSchemaCases } from './tool-schema-cases.js';
import { rawByteCases, unicodeTextCases } from './unicode-cases.js';

export interface Corpus {
  seed: number;
  cases: readonly FuzzCase[];
  /** Cases removed because they would have run a mutating tool with valid arguments. */
  dropped: readonly string[];
  counts: Readonly<Partial<Record<Category, number>>>;
  /** SHA-256 over every case's name, request and expectation: equal digests, equal corpora. */
  digest: string;
}

export function buildCorpus(seed: number = FUZZ_SEED): Corpus {
  const random = createFuzzRandom(seed);
  const generated: FuzzCase[] = [
    ...truncatedJsonCases(random.fork('truncated')),
    ...jsonRpcTypeCases(),
    ...numberCases(),
    ...deepNestingCases(),
    ...bodySizeCases(),
    ...unicodeTextCases(random.fork('unicode')),
    ...rawByteCases(),
    ...batchCases(random.fork('batches')),
    ...prototypeCases(),
    ...methodCases(),
    ...headerCases(),
    ...socketCases(),
    ...toolSchemaCases(),
    ...handlerEdgeCases(),
    ...metacharacterCases(),
    ...envelopeCases(),
    ...authCases(),
  ];
  const dropped: string[] = [];
  const cases = generated.filter((fuzzCase) => {
    const unsafe = validMutations(fuzzCase.body);
    // A socket case may declare a shorter Content-Length than it sends, so the server could
    // read a different message than the guard did: socket cases must not name a mutating tool.
    if (fuzzCase.via === 'socket') unsafe.push(...MUTATING_TOOLS.filter((tool) => bodyText(fuzzCase.body).includes(tool.name)).map((tool) => tool.name));
    if (unsafe.length > 0) dropped.push(`${fuzzCase.name} (${unsafe.join(', ')})`);
    return unsafe.length === 0;
  });
  const counts: Partial<Record<Category, number>> = {};
  for (const fuzzCase of cases) counts[fuzzCase.category] = (counts[fuzzCase.category] ?? 0) + 1;
  return { seed, cases, dropped, counts, digest: digestOf(cases) };
}

const bodyText = (body: Uint8Array | string | undefined): string => (body === undefined ? '' : typeof body === 'string' ? body : Buffer.from(body).toString('latin1'));

function digestOf(cases: readonly FuzzCase[]): string {
  const hash = createHash('sha256');
  for (const fuzzCase of cases) {
    const { body, resultCheck: _check, ...rest } = fuzzCase;
    hash.update(JSON.stringify(rest));
    hash.update(body === undefined ? '' : body);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}
