/**
 * Business hours, pure: is the account open at an instant, and if not, which closed period is it in. Computed in
 * the account's local wall-clock time (Intl with its IANA zone), so daylight-saving changes and holidays follow the
 * calendar people read. A closed period is named by the local time it began ("2026-03-02T18:00"): two messages in
 * the same night name the same period (the away message's dedupe key, services/automation/decide.ts).
 */
import { WEEKDAYS, type BusinessHours } from './schema';

/** How far back a closed period's start is looked for: a year of closed days means "always closed". */
const MAX_DAYS_BACK = 366;
const DAY_MS = 24 * 3600 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local date (`YYYY-MM-DD`) and minute of the day of an instant in a zone. */
export function localTime(at: Date, timeZone: string): { date: string; minute: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
const dayBefore = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

function openingsOn(hours: BusinessHours, date: string): { from: number; to: number }[] {
  if (hours.holidays.includes(date)) return [];
  return hours.weekly[weekdayOf(date)] ?? [];
}

export type HoursState = { open: true } | { open: false; closedSince: string };

/** Open or closed at `at`; when closed, the local time the closed period began (`always` when no opening is found in a year). */
export function hoursAt(hours: BusinessHours, at: Date): HoursState {
  const { date, minute } = localTime(at, hours.timeZone);
  const today = openingsOn(hours, date);
  if (today.some((r) => r.from <= minute && minute < r.to)) return { open: true };
  const endedToday = today.filter((r) => r.to <= minute).map((r) => r.to);
  if (endedToday.length) return { open: false, closedSince: `${date}T${hhmm(Math.max(...endedToday))}` };
  let day = date;
  for (let i = 0; i < MAX_DAYS_BACK; i++) {
    day = dayBefore(day);
    const openings = openingsOn(hours, day);
    if (openings.length) return { open: false, closedSince: `${day}T${hhmm(Math.max(...openings.map((r) => r.to)))}` };
  }
  return { open: false, closedSince: 'always' };
}
