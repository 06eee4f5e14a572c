import { builder } from '../../builder.js';
import { DatePrecisions } from '../../ingest/vocabulary.js';

/** GraphQL enum values, each described, from a vocabulary record of value → meaning. */
export function describedValues<T extends Record<string, string>>(vocabulary: T): { [K in keyof T]: { description: string } } {
  return Object.fromEntries(Object.entries(vocabulary).map(([value, description]) => [value, { description }])) as {
    [K in keyof T]: { description: string };
  };
}

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precisely a date is known: to the year, the month or the day.',
  values: describedValues(DatePrecisions),
});
