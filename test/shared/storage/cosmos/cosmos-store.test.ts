// The Cosmos DB store on the local test server (@vercel/cosmosdb-server, in process, plain
// HTTP): the one store contract, unchanged.
import { after, before } from 'node:test';
import { runStoreContract } from '../store-contract.js';
import { startCosmosTestServer, type CosmosTestServer } from '../../../support/cosmos-test-server.js';

let server: CosmosTestServer | undefined;
before(async () => {
  server = await startCosmosTestServer();
});
after(async () => server?.close());

runStoreContract('cosmos (test server)', async () => {
  if (!server) throw new Error('the test server starts in before()');
  return server.openStore();
});
