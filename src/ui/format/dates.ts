/** Hearth is used in the UK: times are shown as the clock on the wall there reads them. */
const TIME_ZONE = 'Europe/London';

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
const dateKeyFormat = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE });

/** "Wednesday 25 November" */
export function formatDay(iso: string): string {
  return dayFormat.format(new Date(iso));
}

/** "10:00" */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** "Wednesday 25 November, 10:00" */
export function formatDayAndTime(iso: string): string {
  return `${formatDay(iso)}, ${formatTime(iso)}`;
}

/** "at 14:02" today, "on Tuesday 24 November at 14:02" on any other day. */
export function formatWhenRelative(iso: string, now: Date): string {
  const sameDay = dateKeyFormat.format(new Date(iso)) === dateKeyFormat.format(now);
  return sameDay ? `at ${formatTime(iso)}` : `on ${formatDay(iso)} at ${formatTime(iso)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value a datetime-local input shows for `date`, in this device's time zone: "2026-11-26T10:30". */
export function toDateTimeInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A sensible first suggestion for a new home visit: tomorrow at 10:30. */
export function suggestedVisitTime(now: Date): string {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 30);
  return toDateTimeInputValue(tomorrow);
}
