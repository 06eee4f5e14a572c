import { Label, Rel } from '../../domain/graph.js';
import { defineRecord, int, link, linkObjects, MaxLength, note, text, vocabulary } from '../../domain/record.js';

export const claimRecord = defineRecord({
  kind: 'claims',
  label: Label.Claim,
  typename: 'Claim',
  nodeKind: { value: 'CLAIM', description: 'A proposition about an event that statements take positions on.' },
  input: { name: 'ClaimInput', description: 'A claim to create or update.' },
  fields: {
    proposition: text({ required: true, max: MaxLength.text, description: 'The proposition, stated neutrally.' }),
    event: link(Label.Event, { rel: Rel.ABOUT, required: true, description: 'Key of the event it is about.' }),
    casualtiesMin: int({ min: 0, description: 'The lowest toll it states.' }),
    casualtiesMax: int({ min: 0, description: 'The highest toll it states.' }),
    casualtiesText: text({ max: MaxLength.name, description: 'The toll in the source’s words.' }),
    attributesTo: linkObjects(
      { actor: Label.Actor },
      { role: vocabulary('AttributionRole', { required: true, description: 'The part attributed.' }) },
      {
        rel: Rel.ATTRIBUTES_TO,
        description: 'Parts it attributes to actors.',
        input: { name: 'AttributionInput', description: 'A part in the event the claim attributes to an actor.' },
      },
    ),
    note: note(),
  },
  check: (claim) =>
    claim.casualtiesMin != null && claim.casualtiesMax != null && claim.casualtiesMin > claim.casualtiesMax
      ? [{ path: 'casualtiesMax', message: 'is below casualtiesMin' }]
      : [],
});
