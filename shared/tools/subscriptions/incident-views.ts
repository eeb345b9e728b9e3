// Snake_case schema and view of a service incident (shown with the subscriptions it affects).
import * as z from 'zod';
import { INCIDENT_STATUSES, type ServiceIncident } from '../../domain/incidents/service-incident.js';

export const incidentSchema = z.object({
  incident_id: z.number().int(),
  area: z.string(),
  category: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  title: z.string(),
  description: z.string(),
  started_at: z.string(),
  expected_resolution_at: z.string().nullable(),
});

export function incidentView(i: ServiceIncident): z.input<typeof incidentSchema> {
  return {
    incident_id: i.incidentId,
    area: i.area,
    category: i.category,
    status: i.status,
    title: i.title,
    description: i.description,
    started_at: i.startedAt,
    expected_resolution_at: i.expectedResolutionAt,
  };
}
