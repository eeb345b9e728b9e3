// Date arithmetic on UTC calendar days (YYYY-MM-DD), shared by the seed (every seeded date is an
// offset from the anchor date), by tools that check date ranges and by settings that name a day.
// A leaf: it imports nothing of the app.

const DAY_MS = 86_400_000;

/** True when `value` is `YYYY-MM-DD` and names a day that exists (2024-02-29 yes, 2026-02-29 no). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** An ISO date-time (UTC, whole minutes) on `isoDate`: how seeded timestamps are built. */
export function atTime(isoDate: string, hour: number, minute: number): string {
  return `${isoDate}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
}

/** `atTime` on the day `daysAgo` days before `anchorDate` (negative for days after it). */
export function daysAgoAt(anchorDate: string, daysAgo: number, hour: number, minute: number): string {
  return atTime(addDays(anchorDate, -daysAgo), hour, minute);
}
