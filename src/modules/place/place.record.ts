import { Label, Rel } from '../../domain/graph.js';
import { country, defineRecord, link, linkObjects, MaxLength, note, number, point, text, vocabulary } from '../../domain/record.js';
import { CompassPoints } from '../../domain/vocabulary.js';

export const placeRecord = defineRecord({
  kind: 'places',
  label: Label.Place,
  typename: 'Place',
  nodeKind: { value: 'PLACE', description: 'A country, region, city or site.' },
  input: { name: 'PlaceInput', description: 'A place to create or update.' },
  fields: {
    name: text({ required: true, max: MaxLength.name, description: 'The common English name.' }),
    kind: vocabulary('PlaceKind', { required: true, description: 'What kind of place.' }),
    countryCode: country('ISO 3166-1 alpha-2 code.'),
    location: point('A representative point.'),
    within: link(Label.Place, { rel: Rel.WITHIN, acyclic: true, description: 'Key of the enclosing place.' }),
    near: linkObjects(
      { place: Label.Place },
      {
        distanceKm: number({ min: 0, max: 20_000, description: 'Distance in kilometres.' }),
        direction: text({
          max: 3,
          pattern: new RegExp(`^(${Object.keys(CompassPoints).join('|')})$`),
          hint: 'a compass point (N, NNE, ..., NNW)',
          description: 'Compass point from the reference place (N, NNE, ..., NNW).',
        }),
        note: text({ max: MaxLength.note, description: 'Where this comes from.' }),
      },
      {
        rel: Rel.NEAR,
        description: 'Places this one is described relative to.',
        input: { name: 'NearInput', description: 'How the place lies relative to another ("30 km S of Kirkuk").' },
      },
    ),
    note: note(),
  },
});
