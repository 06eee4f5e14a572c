import type { DatePrecision } from './generated/graphql';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as precisely as it is known: "21 October 2016", "October 2016" or "2016", never more. */
export function formatDate(value: string | null | undefined, precision: DatePrecision | null | undefined): string {
  if (!value) return 'undated';
  const [year, month, day] = value.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (precision === 'YEAR' || !monthName) return year ?? value;
  if (precision === 'MONTH' || !day) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** The period a date stands for: a day, a month or a year, as [start, end) in UTC. */
export function periodOf(value: string, precision: DatePrecision | null | undefined): { start: Date; end: Date } {
  const [year = 1970, month = 1, day = 1] = value.split('-').map(Number);
  const known = precision ?? (value.length === 4 ? 'YEAR' : value.length === 7 ? 'MONTH' : 'DAY');
  if (known === 'YEAR') return { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) };
  if (known === 'MONTH') return { start: new Date(Date.UTC(year, month - 1, 1)), end: new Date(Date.UTC(year, month, 1)) };
  return { start: new Date(Date.UTC(year, month - 1, day)), end: new Date(Date.UTC(year, month - 1, day + 1)) };
}
