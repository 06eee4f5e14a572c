import { Label, Rel } from '../../domain/graph.js';
import { country, defineRecord, externalIds, link, linkObjects, links, MaxLength, note, text, texts, vocabulary } from '../../domain/record.js';

export const actorRecord = defineRecord({
  kind: 'actors',
  label: Label.Actor,
  typename: 'Actor',
  nodeKind: { value: 'ACTOR', description: 'A person, body, state, group or military.' },
  input: { name: 'ActorInput', description: 'An actor to create or update.' },
  fields: {
    name: text({ required: true, max: MaxLength.name, description: 'The name most sources use.' }),
    kind: vocabulary('ActorKind', { required: true, description: 'What kind of actor.' }),
    aliases: texts({ max: MaxLength.name, description: 'Other names.' }),
    countryCode: country('ISO 3166-1 alpha-2 code of its country.'),
    roles: linkObjects(
      { actor: Label.Actor, outlet: Label.Outlet },
      {
        title: text({ required: true, max: MaxLength.name, description: 'The title of the role.' }),
        note: text({ max: MaxLength.note, description: 'Where the role comes from.' }),
      },
      {
        rel: Rel.HOLDS_ROLE,
        description: 'Roles it holds.',
        input: { name: 'RoleInput', description: 'A role in an organization: give exactly one of actor or outlet.' },
        union: { name: 'Organization', description: 'A body someone can hold a role in: an actor (a ministry) or an outlet (a newspaper, a blog).' },
      },
    ),
    operates: links(Label.Outlet, { rel: Rel.OPERATES, description: 'Keys of outlets it owns or runs.' }),
    partOf: link(Label.Actor, { rel: Rel.PART_OF, acyclic: true, description: 'Key of the larger body it is part of (a state for its armed forces).' }),
    memberOf: links(Label.Actor, { rel: Rel.MEMBER_OF, acyclic: true, description: 'Keys of the bodies it is a member of (a coalition for a state).' }),
    externalIds: externalIds('Codes and names of this actor in other datasets ("cameo:USAMIL", "acled:Civilians_(Iraq)").'),
    note: note(),
  },
});
