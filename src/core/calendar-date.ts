// Dates a user gives (--reference-date, referenceDate in config) must be real ones: "9999-99-99"
// would otherwise be accepted and quietly ignored.

/** A year, a year and month, or a day that the calendar has: 2024, 2024-03, 2024-02-29, not 2023-02-29. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return false;
  const [year, month = 1, day = 1] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as [number, number?, number?];
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
