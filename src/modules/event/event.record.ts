import neo4j from 'neo4j-driver';
import { Label, Rel, StorageProperty } from '../../domain/graph.js';
import { date, defineRecord, externalIds, int, link, links, MaxLength, neo4jDate, note, periodOfValid, text, vocabulary } from '../../domain/record.js';
import { daysBetween, matchWindowClass, MAX_DATE_UNCERTAINTY_DAYS, widenedPeriod } from '../../domain/partial-date.js';

export const eventRecord = defineRecord({
  kind: 'events',
  label: Label.Event,
  typename: 'Event',
  nodeKind: { value: 'EVENT', description: 'Something that happened at a place and time.' },
  input: { name: 'EventInput', description: 'An event to create or update.' },
  fields: {
    kind: vocabulary('EventKind', { required: true, description: 'What kind of event.' }),
    title: text({ required: true, max: MaxLength.title, description: 'A short neutral title.' }),
    summary: text({ max: MaxLength.text, description: 'What is undisputed about it.' }),
    startDate: date({ required: true, precision: 'datePrecision', description: 'When it started: YYYY, YYYY-MM or YYYY-MM-DD.' }),
    // An end is shown as precisely as the start: the event has one datePrecision.
    endDate: date({ precision: { readFrom: 'datePrecision' }, description: 'When it ended, if it spanned a period: YYYY, YYYY-MM or YYYY-MM-DD.' }),
    dateUncertaintyDays: int({
      min: 0,
      max: MAX_DATE_UNCERTAINTY_DAYS,
      description: `How many days either side of startDate the source allows (ACLED time_precision 2: within the week; GDELT dates a report, not always the event), at most ${MAX_DATE_UNCERTAINTY_DAYS}: a date less precise than that is a coarser date (YYYY-MM). Matching across sources reads it.`,
    }),
    places: links(Label.Place, { rel: Rel.OCCURRED_IN, description: 'Keys of the places where it occurred.' }),
    partOf: link(Label.Event, { rel: Rel.PART_OF, acyclic: true, description: 'Key of the larger event it is part of.' }),
    externalIds: externalIds('Ids of this event in other datasets ("gdelt:599912345"); one event may have several.'),
    note: note(),
  },
  // Filters test overlap with the event's whole period, which runs to the end of the day, month
  // or year the source gave for its end (or, without one, its start). `spanEnd` repeats that end
  // only on the events whose period is longer than a day, so a list from a date finds the few that
  // started before it and run past it through their own index (see eventList), not by reading
  // every earlier event.
  // Matching seeks an event by its window (its period widened by its uncertainty, see
  // match-cell.ts), stored as storage properties beside the period.
  derive: {
    from: ['startDate', 'endDate', 'dateUncertaintyDays'],
    props: (event) => {
      const first = periodOfValid(event.startDate).first;
      const last = periodOfValid(event.endDate ?? event.startDate).last;
      const periodEnd = neo4jDate(last);
      const { first: matchFrom, last: matchTo } = widenedPeriod(event.startDate, event.endDate, event.dateUncertaintyDays ?? 0);
      const windowClass = matchWindowClass(daysBetween(matchFrom, matchTo));
      return {
        periodEnd,
        spanEnd: last > first ? periodEnd : null,
        [StorageProperty.matchFrom]: neo4jDate(matchFrom),
        [StorageProperty.matchTo]: neo4jDate(matchTo),
        [StorageProperty.matchWindowClass]: windowClass === null ? null : neo4j.int(windowClass),
      };
    },
  },
  check: (event) =>
    event.endDate && periodOfValid(event.endDate).last < periodOfValid(event.startDate).first
      ? [{ path: 'endDate', message: `"${event.endDate}" is before startDate "${event.startDate}"` }]
      : [],
});
