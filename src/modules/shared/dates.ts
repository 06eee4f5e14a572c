import type { DatePrecision } from '../../ingest/vocabulary.js';
import { invalid } from '../../errors.js';

const lengthOf: Record<DatePrecision, number> = { YEAR: 4, MONTH: 7, DAY: 10 };

/** Dates are stored as the first day of their period; shown as precisely as the source gave them. */
export function partialDate(isoDate: unknown, precision: unknown): string | null {
  if (typeof isoDate !== 'string') return null;
  return isoDate.slice(0, lengthOf[(precision as DatePrecision) ?? 'DAY'] ?? 10);
}

const partialDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A filter bound given as "2016", "2016-10" or "2016-10-21": `from` means the first day of that
 * period, `to` its last day. Anything else is a VALIDATION error naming the argument.
 */
export function dateBound(value: string | null | undefined, end: 'from' | 'to', argument: string): string | null {
  if (value == null) return null;
  const match = partialDatePattern.exec(value);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2] ?? 1), Number(match?.[3] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw invalid(`"${argument}" must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got "${value}".`, argument);
  }
  if (end === 'from') return date.toISOString().slice(0, 10);
  const last = match[3] ? date : match[2] ? new Date(Date.UTC(year, month, 0)) : new Date(Date.UTC(year, 11, 31));
  return last.toISOString().slice(0, 10);
}

/** Both bounds of a range, refusing one that ends before it starts. */
export function dateRange(from: string | null | undefined, to: string | null | undefined, argument = 'filter') {
  const range = { from: dateBound(from, 'from', `${argument}.from`), to: dateBound(to, 'to', `${argument}.to`) };
  if (range.from && range.to && range.from > range.to) {
    throw invalid(`"${argument}.from" (${from}) is after "${argument}.to" (${to}).`, `${argument}.from`);
  }
  return range;
}
