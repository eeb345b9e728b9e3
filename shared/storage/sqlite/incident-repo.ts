// Network incidents in the embedded store. One prepared statement serves every filter: absent
// parts bind NULL, and the status list binds as a JSON array read with json_each.
import type { IncidentStatus, ServiceIncident } from '../../domain/incidents/service-incident.js';
import type { IncidentRepo } from '../contoso-store.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';

export interface IncidentRow {
  incident_id: number;
  area: string;
  category: string;
  status: string;
  title: string;
  description: string;
  started_at: string;
  resolved_at: string | null;
  expected_resolution_at: string | null;
}

export function toIncident(row: IncidentRow): ServiceIncident {
  return {
    incidentId: row.incident_id,
    area: row.area,
    category: row.category as ServiceIncident['category'],
    status: row.status as IncidentStatus,
    title: row.title,
    description: row.description,
    startedAt: row.started_at,
    resolvedAt: row.resolved_at,
    expectedResolutionAt: row.expected_resolution_at,
  };
}

export function toIncidentRow(incident: ServiceIncident): IncidentRow {
  return {
    incident_id: incident.incidentId,
    area: incident.area,
    category: incident.category,
    status: incident.status,
    title: incident.title,
    description: incident.description,
    started_at: incident.startedAt,
    resolved_at: incident.resolvedAt,
    expected_resolution_at: incident.expectedResolutionAt,
  };
}

export const INSERT_INCIDENT = `INSERT INTO incidents (incident_id, area, category, status, title, description,
  started_at, resolved_at, expected_resolution_at) VALUES (@incident_id, @area, @category, @status, @title,
  @description, @started_at, @resolved_at, @expected_resolution_at)`;

interface IncidentFilterParams {
  area: string | null;
  category: string | null;
  statuses: string | null;
}

export function createSqliteIncidentRepo(db: SqliteDatabase): IncidentRepo {
  const matching = prepareRows<[IncidentFilterParams], IncidentRow>(db, `SELECT * FROM incidents
    WHERE (@area IS NULL OR area = +@area)
      AND (@category IS NULL OR category = +@category)
      AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
    ORDER BY started_at DESC, incident_id DESC`);
  return {
    /** An absent `statuses` filters nothing out; an empty list matches no incident. */
    async list(filter = {}) {
      const statuses = filter.statuses ? JSON.stringify(filter.statuses) : null;
      return matching.all({ area: filter.area ?? null, category: filter.category ?? null, statuses }).map(toIncident);
    },
  };
}
