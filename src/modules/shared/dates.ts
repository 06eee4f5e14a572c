import { invalid } from '../../domain/errors.js';
import { periodOf } from '../../domain/partial-date.js';

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
