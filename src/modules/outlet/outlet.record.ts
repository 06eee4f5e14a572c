import { Label } from '../../domain/graph.js';
import { country, defineRecord, domains, MaxLength, note, text, vocabulary } from '../../domain/record.js';

export const outletRecord = defineRecord({
  kind: 'outlets',
  label: Label.Outlet,
  typename: 'Outlet',
  nodeKind: { value: 'OUTLET', description: 'A media outlet: a newspaper, broadcaster, blog, agency.' },
  input: { name: 'OutletInput', description: 'An outlet to create or update; without a key, an outlet already publishing on one of its domains is updated.' },
  keyOptional: 'Optional: found from, or else made from, the first domain.',
  fields: {
    name: text({ required: true, max: MaxLength.name, description: 'The outlet’s name.' }),
    kind: vocabulary('OutletKind', { required: true, description: 'What kind of outlet.' }),
    domains: domains({ description: 'Web domains it publishes on, each stored as its registrable domain (www.rt.com as rt.com).' }),
    country: country('ISO 3166-1 alpha-2 code of its home country.'),
    stateAffiliation: country('ISO 3166-1 alpha-2 code of the state that controls it.'),
    note: note(),
  },
});
