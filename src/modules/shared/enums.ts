import { builder } from '../../builder.js';
import { DatePrecisions } from '../../ingest/vocabulary.js';

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precisely a date is known: to the year, the month or the day.',
  values: DatePrecisions,
});
