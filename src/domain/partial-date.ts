import type { DatePrecision } from './vocabulary.js';

/** The period a partial date names: its first and last day (ISO), and how precise it is. */
export interface Period {
  first: string;
  last: string;
  precision: DatePrecision;
}

/** A number of days known only within bounds, as a gap between two partial dates is. */
export interface DayRange {
  min: number;
  max: number;
}

/**
 * The widest uncertainty a date may carry, in days either side: a date known less precisely than
 * within a week is a coarser date (YYYY-MM), not a day with a wide margin. Matching relies on it:
 * a record's candidates are sought this far beyond its own window.
 */
export const MAX_DATE_UNCERTAINTY_DAYS = 7;

/**
 * Classes of an event's matching window (its period widened by its uncertainty) by length in days:
 * an exact day, a few days (GDELT's ±2), up to the widest a one-day event can have. Matching seeks
 * each class from its own length before a probe's first day, so an exact day is never read a
 * fortnight early (see match-cell.ts); a longer window is a period, found by its end instead.
 */
export const MATCH_WINDOW_CLASSES = [0, 4, 2 * MAX_DATE_UNCERTAINTY_DAYS] as const;

/** The class of a window `days` long (the smallest class that holds it), or null for a period longer than every class. */
export const matchWindowClass = (days: number): number | null => MATCH_WINDOW_CLASSES.find((longest) => days <= longest) ?? null;

/** An ISO day moved by `days` (negative: earlier). */
export const shiftDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Reads "2016", "2016-10" or "2016-10-21" as the period it names ("2016-10" runs from the 1st to
 * the 31st); null when it is not a real calendar date written that way.
 */
export function periodOf(value: string): Period | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
  const first = new Date(Date.UTC(year, month - 1, day));
  if (first.getUTCMonth() !== month - 1 || first.getUTCDate() !== day) return null;
  const last = match[3] ? first : match[2] ? new Date(Date.UTC(year, month, 0)) : new Date(Date.UTC(year, 11, 31));
  return {
    first: first.toISOString().slice(0, 10),
    last: last.toISOString().slice(0, 10),
    precision: match[3] ? 'DAY' : match[2] ? 'MONTH' : 'YEAR',
  };
}

/**
 * The days an event may have happened on, as ISO days: its period (from its start's first day to
 * its end's last, its start's own without an end) widened by its source's uncertainty either side.
 * What an event stores as its matching window and what a probe seeks with.
 */
export function widenedPeriod(start: string, end: string | null | undefined, uncertaintyDays: number): { first: string; last: string } {
  return { first: shiftDays(periodOf(start)!.first, -uncertaintyDays), last: shiftDays(periodOf(end ?? start)!.last, uncertaintyDays) };
}
