// The audit log in the Cosmos DB store: its own container (never the Contoso data's), partitioned
// by day, where records expire after COSMOS_AUDIT_TTL_DAYS (the container's default TTL). Reading
// the latest records is a cross-partition query, an operator's occasional read.
import type { Container } from '@azure/cosmos';
import type { AuditLog } from '../audit-log.js';
import type { CosmosOps } from './cosmos-ops.js';
import { type AuditDoc, safeIdPart, SCHEMA_VERSION } from './documents.js';

export function createCosmosAuditLog(ops: CosmosOps, audit: Container): AuditLog {
  // Orders records written in one millisecond by this process as they were written.
  let sequence = 0;
  return {
    async append(record) {
      sequence += 1;
      const doc: AuditDoc = {
        id: safeIdPart(record.auditId),
        kind: 'audit',
        schemaVersion: SCHEMA_VERSION,
        day: record.at.slice(0, 10),
        sortKey: `${record.at}|${String(sequence).padStart(12, '0')}`,
        data: record,
      };
      if ((await ops.create(audit, doc, doc.day)) === 'exists') throw new TypeError(`Audit record ${record.auditId} already exists`);
    },
    async list(limit) {
      const top = Math.max(0, Math.floor(limit));
      if (top === 0) return [];
      const docs = await ops.query<AuditDoc>(audit, { query: 'SELECT TOP @top * FROM c ORDER BY c.sortKey DESC', parameters: [{ name: '@top', value: top }] });
      return docs.map((doc) => doc.data);
    },
  };
}
