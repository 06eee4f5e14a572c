import { builder } from '../../builder.js';
import { periodOf, type DayRange, type Period } from '../../domain/partial-date.js';
import { DatePrecisionEnum } from './enums.js';

export const DateIntervalObject = builder.objectRef<Period>('DateInterval');

DateIntervalObject.implement({
  description:
    'The days a partial date can mean: "2016-10" is any day from 2016-10-01 to 2016-10-31. Two intervals that overlap do not say which came first.',
  fields: (t) => ({
    start: t.exposeString('first', { description: 'The first day it can mean (YYYY-MM-DD).' }),
    end: t.exposeString('last', { description: 'The last day it can mean (YYYY-MM-DD).' }),
    precision: t.expose('precision', { type: DatePrecisionEnum, description: 'How precisely the source gave the date: the year, the month or the day.' }),
  }),
});

/** The interval a stored partial date ("2016-10") names; null when undated. */
export const intervalOf = (value: string | null): Period | null => (value == null ? null : periodOf(value));

export const DayRangeObject = builder.objectRef<DayRange>('DayRange');

DayRangeObject.implement({
  description:
    'A number of days known only within bounds: between two dates given to the month, anything from about a month before to a month after. min equals max only when both dates are known to the day.',
  fields: (t) => ({
    min: t.exposeInt('min', { description: 'The fewest days it can be (negative: the second date may come first).' }),
    max: t.exposeInt('max', { description: 'The most days it can be.' }),
  }),
});
