// Steps 3, 4 and 7: what is known to be wrong in the customer's area, what the line's recent
// usage shows, and a (simulated, deterministic) test of the line itself.
import { addDays } from '../../../time/calendar.js';
import type { Finding } from '../troubleshoot-job.js';
import { dayOf, finding, loadSubject, type StepContext } from './step-context.js';

export async function areaIncidents(ctx: StepContext): Promise<Finding> {
  const { customer, product } = await loadSubject(ctx);
  const incidents = (await ctx.store.incidents.list({ area: customer.city, statuses: ['open', 'monitoring'] })).filter(
    (incident) => product.category === 'bundle' || incident.category === product.category,
  );
  const first = incidents[0];
  if (!first) return finding('area_incidents', 'Incidents in the area', 'ok', `No open incident affects ${product.category} service in ${customer.city}`, { area: customer.city, incidents: 0 });
  const expected = first.expectedResolutionAt ? `, expected fixed by ${first.expectedResolutionAt}` : '';
  return finding('area_incidents', 'Incidents in the area', 'problem', `Incident #${first.incidentId} in ${first.area} (${first.status}): ${first.title}${expected}`, {
    area: first.area,
    incidents: incidents.length,
    incident_id: first.incidentId,
    incident_title: first.title,
    expected_resolution_at: first.expectedResolutionAt,
  });
}

/** Usage of the last 30 days: volume against the plan's cap, days without any use, roaming attempts. */
export async function usagePattern(ctx: StepContext): Promise<Finding> {
  const { subscription } = await loadSubject(ctx);
  const today = dayOf(ctx);
  const usage = await ctx.store.usage.list(subscription.subscriptionId, addDays(today, -29), today);
  const monthStart = `${today.slice(0, 7)}-01`;
  const monthData = usage.filter((day) => day.date >= monthStart).reduce((sum, day) => sum + day.dataGb, 0);
  const roaming = usage.reduce((sum, day) => sum + day.roamingDataGb, 0);
  const idleDays = 30 - usage.filter((day) => day.dataGb > 0 || day.voiceMinutes > 0).length;
  const facts = {
    month_to_date_gb: Math.round(monthData * 100) / 100,
    data_cap_gb: subscription.dataCapGb,
    roaming_gb_30d: Math.round(roaming * 100) / 100,
    days_without_use: idleDays,
    roaming_enabled: subscription.roamingEnabled,
  };
  if (subscription.dataCapGb !== null && monthData > subscription.dataCapGb) {
    return finding('usage_pattern', 'Recent usage', 'problem', `${facts.month_to_date_gb} GB used this month against a ${subscription.dataCapGb} GB cap`, facts);
  }
  if (idleDays >= 3) return finding('usage_pattern', 'Recent usage', 'info', `${idleDays} of the last 30 days without any use`, facts);
  return finding('usage_pattern', 'Recent usage', 'ok', `Usage within the plan (${facts.month_to_date_gb} GB this month)`, facts);
}

/** A stable pseudo-random fraction for a subscription and day, so repeated tests agree. */
function jitter(seed: string): number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return (hash % 1000) / 1000;
}

export async function lineTest(ctx: StepContext): Promise<Finding> {
  const { subscription, product } = await loadSubject(ctx);
  const area = ctx.findings.find((f) => f.step === 'area_incidents');
  const history = ctx.findings.find((f) => f.step === 'support_history');
  const noise = jitter(`${subscription.subscriptionId}:${dayOf(ctx)}`);
  if (subscription.serviceStatus === 'suspended' || subscription.status !== 'active') {
    return finding('line_test', 'Line test', 'problem', 'No service on the line: it is not active', { result: 'no_service' });
  }
  if (product.speedTierMbps !== null) {
    const tier = subscription.speedTierMbps ?? product.speedTierMbps;
    const degraded = subscription.serviceStatus !== 'normal' || area?.outcome === 'problem';
    const measured = Math.round(degraded ? 40 + noise * 20 : tier * (0.92 + noise * 0.06));
    return finding('line_test', 'Line test', measured < tier * 0.8 ? 'problem' : 'ok', `Measured ${measured} Mbit/s on a ${tier} Mbit/s line`, { measured_mbps: measured, tier_mbps: tier, result: measured < tier * 0.8 ? 'slow' : 'ok' });
  }
  const repeatedReports = Number(history?.facts.network_reports_30d ?? 0);
  const dropped = repeatedReports >= 2 ? Math.round(8 + noise * 6) : Math.round(noise * 2);
  return finding('line_test', 'Line test', dropped >= 5 ? 'problem' : 'ok', dropped >= 5 ? `Signal unstable: ${dropped}% of test calls dropped` : `Signal stable: ${dropped}% of test calls dropped`, {
    dropped_call_percent: dropped,
    result: dropped >= 5 ? 'unstable' : 'ok',
  });
}
