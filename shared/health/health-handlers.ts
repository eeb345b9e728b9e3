// GET /api/health and GET /api/ready as complete answers: liveness always answers 200, readiness
// answers 200 when the store is reachable and seeded (listing every other dependency) and 503
// otherwise. Plain answers, not web Responses: a host writes them without loading fetch.
import { jsonAnswer, type HttpAnswer } from '../http/http-answer.js';
import type { ContosoStore } from '../storage/contoso-store.js';
import type { CheckedDependency } from './dependency-check.js';
import { fullReadiness, liveness } from './health-checks.js';

export interface HealthHandlers {
  liveness(): HttpAnswer;
  readiness(): Promise<HttpAnswer>;
}

export function createHealthHandlers(store: ContosoStore, dependencies: readonly CheckedDependency[] = []): HealthHandlers {
  return {
    liveness: function answerLiveness() {
      return jsonAnswer(200, JSON.stringify(liveness()));
    },
    readiness: async function answerReadiness() {
      const result = await fullReadiness(store, dependencies);
      return jsonAnswer(result.status === 'ready' ? 200 : 503, JSON.stringify(result));
    },
  };
}
