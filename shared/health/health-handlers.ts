// GET /api/health and GET /api/ready as web handlers: liveness always answers 200, readiness
// answers 200 when the store is reachable and seeded (listing every other dependency) and 503
// otherwise.
import type { ContosoStore } from '../storage/contoso-store.js';
import type { CheckedDependency } from './dependency-check.js';
import { fullReadiness, liveness } from './health-checks.js';

export interface HealthHandlers {
  liveness(): Response;
  readiness(): Promise<Response>;
}

export function createHealthHandlers(store: ContosoStore, dependencies: readonly CheckedDependency[] = []): HealthHandlers {
  return {
    liveness: function answerLiveness() {
      return Response.json(liveness());
    },
    readiness: async function answerReadiness() {
      const result = await fullReadiness(store, dependencies);
      return Response.json(result, { status: result.status === 'ready' ? 200 : 503 });
    },
  };
}
