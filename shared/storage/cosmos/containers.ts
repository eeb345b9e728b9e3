// The Cosmos DB containers of the store, their partition keys and indexing policies, and opening
// them: created when missing (COSMOS_CREATE_CONTAINERS, the default outside Azure) or required to
// exist (in Azure the app's identity usually holds data-plane rights only; the infra creates them).
// Each call runs under the store's resilience policy (reads, and creates that are idempotent).
import type { ContainerDefinition, CosmosClient, Database, IndexingPolicy } from '@azure/cosmos';
import type { Container } from '@azure/cosmos';
import type { CosmosConfig } from '../../config/config.js';
import { UnavailableError } from '../../errors/domain-error.js';
import { cosmosStatus, toStoreError } from './cosmos-errors.js';

export interface StoreContainers {
  /** Everything about one customer, partitioned by `/customerId`. */
  readonly customers: Container;
  /** Where ids given without their customer live, partitioned by `/id`. */
  readonly lookups: Container;
  /** Products, promotions and knowledge documents, partitioned by `/kind`. */
  readonly catalogue: Container;
  /** Network incidents, partitioned by `/area`. */
  readonly incidents: Container;
  /** The seed marker and counters, partitioned by `/id`. */
  readonly meta: Container;
  /** Operator audit records, partitioned by `/day`, expiring after COSMOS_AUDIT_TTL_DAYS. */
  readonly audit: Container;
}

export type ContainerName = keyof StoreContainers;

/** Runs one SDK call under the store's policy, handing it the attempt's abort signal. */
export type PolicyRun = <T>(fn: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/** Index only what queries filter or sort on; documents are read whole by id otherwise. */
function onlyPaths(...paths: string[]): IndexingPolicy {
  return {
    indexingMode: 'consistent',
    automatic: true,
    includedPaths: paths.map((path) => ({ path: `${path}/?` })),
    excludedPaths: [{ path: '/*' }],
  };
}

/** The containers' definitions, without the name prefix. */
export function containerDefinitions(config: Pick<CosmosConfig, 'auditTtlDays' | 'knowledgeSearch'>): Record<ContainerName, ContainerDefinition> {
  const fullText = config.knowledgeSearch !== 'in-process';
  const catalogueIndexing = onlyPaths('/kind');
  return {
    customers: { id: 'customers', partitionKey: { paths: ['/customerId'] }, indexingPolicy: onlyPaths('/kind', '/customerId') },
    lookups: { id: 'lookups', partitionKey: { paths: ['/id'] }, indexingPolicy: { indexingMode: 'none', automatic: false } },
    catalogue: {
      id: 'catalogue',
      partitionKey: { paths: ['/kind'] },
      ...(fullText
        ? {
            fullTextPolicy: { defaultLanguage: 'en-US', fullTextPaths: [{ path: '/searchText', language: 'en-US' }] },
            indexingPolicy: { ...catalogueIndexing, fullTextIndexes: [{ path: '/searchText' }] },
          }
        : { indexingPolicy: catalogueIndexing }),
    },
    incidents: { id: 'incidents', partitionKey: { paths: ['/area'] }, indexingPolicy: onlyPaths('/kind') },
    meta: { id: 'meta', partitionKey: { paths: ['/id'] }, indexingPolicy: { indexingMode: 'none', automatic: false } },
    audit: {
      id: 'audit',
      partitionKey: { paths: ['/day'] },
      defaultTtl: config.auditTtlDays * 86_400,
      indexingPolicy: onlyPaths('/sortKey'),
    },
  };
}

/**
 * Creates what `create` makes unless it exists. Two instances starting at once can both find it
 * missing; the one whose create loses (409) then finds it there.
 */
async function createIfMissing<T>(create: () => Promise<T>, existing: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (cosmosStatus(error) === 409) return existing();
    throw error;
  }
}

async function openDatabase(client: CosmosClient, config: CosmosConfig, run: PolicyRun): Promise<Database> {
  const database = client.database(config.databaseName);
  const read = async () => {
    await run((abortSignal) => database.read({ abortSignal }));
    return database;
  };
  if (!config.createContainers) return read();
  return createIfMissing(async () => (await run((abortSignal) => client.databases.createIfNotExists({ id: config.databaseName }, { abortSignal }))).database, read);
}

/** Opens (creating when configured) the database and every container of the store. */
export async function openContainers(client: CosmosClient, config: CosmosConfig, run: PolicyRun): Promise<StoreContainers> {
  const definitions = containerDefinitions(config);
  let database: Database;
  try {
    database = await openDatabase(client, config, run);
  } catch (error) {
    if (cosmosStatus(error) === 404) {
      throw new UnavailableError(
        `The Cosmos DB database "${config.databaseName}" does not exist; create it (the infra does) or set COSMOS_CREATE_CONTAINERS=true`,
        {},
        { cause: error },
      );
    }
    throw toStoreError(error, 'open database');
  }
  const open = async (name: ContainerName): Promise<Container> => {
    const definition = { ...definitions[name], id: `${config.containerPrefix}${definitions[name].id ?? name}` };
    try {
      const container = database.container(definition.id);
      const read = async () => {
        await run((abortSignal) => container.read({ abortSignal }));
        return container;
      };
      if (!config.createContainers) return await read();
      return await createIfMissing(async () => (await run((abortSignal) => database.containers.createIfNotExists(definition, { abortSignal }))).container, read);
    } catch (error) {
      if (cosmosStatus(error) === 404) {
        throw new UnavailableError(
          `The Cosmos DB container "${definition.id}" does not exist in "${config.databaseName}"; create it (the infra does) or set COSMOS_CREATE_CONTAINERS=true`,
          {},
          { cause: error },
        );
      }
      throw toStoreError(error, `open container ${definition.id}`);
    }
  };
  const [customers, lookups, catalogue, incidents, meta, audit] = await Promise.all(
    (['customers', 'lookups', 'catalogue', 'incidents', 'meta', 'audit'] as const).map(open),
  );
  if (!customers || !lookups || !catalogue || !incidents || !meta || !audit) throw new TypeError('a container failed to open');
  return { customers, lookups, catalogue, incidents, meta, audit };
}
