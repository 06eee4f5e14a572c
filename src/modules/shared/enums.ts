import { builder } from '../../builder.js';
import { DatePrecisions } from '../../domain/vocabulary.js';
import { Label } from '../../domain/graph.js';

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

export const NodeKindEnum = builder.enumType('NodeKind', {
  description: 'The kinds of record the graph holds (its node labels).',
  values: {
    EVENT: { value: Label.Event, description: 'Something that happened at a place and time.' },
    PLACE: { value: Label.Place, description: 'A country, region, city or site.' },
    ACTOR: { value: Label.Actor, description: 'A person, body, state, group or military.' },
    OUTLET: { value: Label.Outlet, description: 'A media outlet: a newspaper, broadcaster, blog, agency.' },
    ARTICLE: { value: Label.Article, description: 'A piece an outlet published.' },
    STATEMENT: { value: Label.Statement, description: 'Something someone said or wrote.' },
    CLAIM: { value: Label.Claim, description: 'A proposition about an event that statements take positions on.' },
    MEDIA_ITEM: { value: Label.MediaItem, description: 'A photo, video or other media item.' },
    SOURCE: { value: Label.Source, description: 'A document records were read from.' },
  } as const,
});
