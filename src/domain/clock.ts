/** Adds simulated minutes to a local date-time written `2026-03-30T13:55`, keeping that form. */
export function addMinutes(localDateTime: string, minutes: number): string {
  const date = new Date(`${localDateTime}:00Z`);
  date.setUTCMinutes(date.getUTCMinutes() + Math.round(minutes));
  return date.toISOString().slice(0, 16);
}

/** `Mon 30 Mar, 13:55` for a local date-time. */
export function formatClock(localDateTime: string): string {
  const date = new Date(`${localDateTime.length === 10 ? `${localDateTime}T00:00` : localDateTime}:00Z`);
  const day = date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return localDateTime.length === 10 ? day : `${day}, ${localDateTime.slice(11, 16)}`;
}

/** `2 h 15 min` for a number of minutes. */
export function formatDuration(minutes: number): string {
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Minutes from one local date-time (or date) to another; negative when `to` is earlier. */
export function minutesBetween(from: string, to: string): number {
  const at = (value: string) => Date.parse(`${value.length === 10 ? `${value}T00:00` : value}:00Z`);
  return Math.round((at(to) - at(from)) / 60_000);
}

/** How long a queue item has waited, as a queue screen shows it: `45 min`, `5 h`, `2 d 3 h`. */
export function formatAge(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
