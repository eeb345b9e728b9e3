// Network incidents that affect every subscription of a category in an area (a city).
import type { ProductCategory } from '../products/product.js';

export const INCIDENT_STATUSES = ['open', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface ServiceIncident {
  incidentId: number;
  /** City the incident affects. */
  area: string;
  category: Exclude<ProductCategory, 'bundle'>;
  status: IncidentStatus;
  title: string;
  description: string;
  /** ISO date-time */
  startedAt: string;
  resolvedAt: string | null;
  /** ISO date-time the operations team expects it fixed, when known. */
  expectedResolutionAt: string | null;
}
