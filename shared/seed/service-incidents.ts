// The fixed list of network incidents across Contoso's cities, dated relative to the anchor.
// The open internet incident in SLOW_INTERNET_AREA is what the slow-internet scenario's
// customer is caught in; the others are open, monitored or resolved elsewhere.
import type { ServiceIncident } from '../domain/incidents/service-incident.js';
import { addDays, daysAgoAt } from '../time/calendar.js';

/** City of the open fibre incident (the slow-internet scenario lives there). */
export const SLOW_INTERNET_AREA = 'Tacoma';

export function buildIncidents(anchorDate: string): ServiceIncident[] {
  return [
    {
      incidentId: 1,
      area: SLOW_INTERNET_AREA,
      category: 'internet',
      status: 'open',
      title: 'Fibre backbone fault slowing broadband in Tacoma',
      description:
        'A damaged fibre trunk between two Tacoma exchanges has forced traffic onto a backup route. Home fibre customers in Tacoma see download speeds of 30 to 80 Mbit/s at busy times. Engineers are splicing a replacement cable; no action is needed from customers and no technician visits are required.',
      startedAt: daysAgoAt(anchorDate, 2, 7, 40),
      resolvedAt: null,
      expectedResolutionAt: `${addDays(anchorDate, 1)}T18:00:00Z`,
    },
    {
      incidentId: 2,
      area: 'Seattle',
      category: 'mobile',
      status: 'resolved',
      title: 'Planned mast maintenance overran in Seattle',
      description: 'Maintenance on a 4G/5G mast in central Seattle overran, leaving weak indoor coverage in two blocks overnight.',
      startedAt: daysAgoAt(anchorDate, 46, 22, 0),
      resolvedAt: daysAgoAt(anchorDate, 45, 4, 30),
      expectedResolutionAt: null,
    },
    {
      incidentId: 3,
      area: 'Spokane',
      category: 'internet',
      status: 'monitoring',
      title: 'Intermittent fibre outages in Spokane',
      description: 'A faulty line card caused short fibre outages in north Spokane. It has been replaced and the network is being monitored.',
      startedAt: daysAgoAt(anchorDate, 6, 13, 15),
      resolvedAt: null,
      expectedResolutionAt: `${anchorDate}T20:00:00Z`,
    },
    {
      incidentId: 4,
      area: 'Portland',
      category: 'tv',
      status: 'resolved',
      title: 'TV Premium sports channels unavailable in Portland',
      description: 'A head-end encoder failure took the sports channels of TV Premium off air in Portland for most of an evening.',
      startedAt: daysAgoAt(anchorDate, 12, 18, 5),
      resolvedAt: daysAgoAt(anchorDate, 12, 23, 50),
      expectedResolutionAt: null,
    },
    {
      incidentId: 5,
      area: 'Boise',
      category: 'mobile',
      status: 'open',
      title: 'Reduced mobile data speeds in Boise',
      description: 'Mobile data in Boise is slower than usual after a transmission link failed. Calls and texts work normally. Cause under investigation.',
      startedAt: daysAgoAt(anchorDate, 1, 16, 20),
      resolvedAt: null,
      expectedResolutionAt: null,
    },
  ];
}
