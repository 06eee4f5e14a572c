import { invalid } from '../../domain/errors.js';
import { periodOf } from '../../domain/partial-date.js';
import type { DatePrecision } from '../../domain/vocabulary.js';

/**
 * A filter bound given as "2016", "2016-10" or "2016-10-21": `from` means the first day of that
 * period, `to` its last day. Anything else is a VALIDATION error naming the argument.
 */
export function dateBound(value: string | null | undefined, end: 'from' | 'to', argument: string): string | null {
  if (value == null) return null;
  const period = periodOf(value);
  if (!period) throw invalid(`"${argument}" must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got "${value}".`, argument);
  return end === 'from' ? period.first : period.last;
}

/** Both bounds of a range, refusing one that ends before it starts. */
export function dateRange(from: string | null | undefined, to: string | null | undefined, argument = 'filter') {
  const range = { from: dateBound(from, 'from', `${argument}.from`), to: dateBound(to, 'to', `${argument}.to`) };
  if (range.from && range.to && range.from > range.to) {
    throw invalid(`"${argument}.from" (${from}) is after "${argument}.to" (${to}).`, `${argument}.from`);
  }
  return range;
}

const [YEAR, MONTH]: DatePrecision[] = ['YEAR', 'MONTH'];

/**
 * Cypher for the last day of the period a partial date names, from what every dated record stores:
 * its first day (`start`) and its precision (absent: a day). Reading it from these, rather than
 * storing it, is what lets the seed and every earlier import answer without a migration.
 */
export function periodEnd(start: string, precision: string): string {
  return `CASE ${precision} WHEN '${YEAR}' THEN ${start} + duration('P1Y') - duration('P1D')
    WHEN '${MONTH}' THEN ${start} + duration('P1M') - duration('P1D') ELSE ${start} END`;
}

/**
 * Cypher conditions on `$from`/`$to` (see dateRange) that hold when the period a partial date names
 * overlaps the range, as events' filters do: "2016-10" is kept by a range from 2016-10-15. A
 * period lasts a year at most, which bounds `start` from below so a range index on it still serves.
 */
export function overlapsRange(start: string, precision: string): string {
  return `($from IS NULL OR (${start} > date($from) - duration('P1Y') AND ${periodEnd(start, precision)} >= date($from)))
    AND ($to IS NULL OR ${start} <= date($to))`;
}
