import type { ArgBuilder } from '@pothos/core';
import type { BuilderTypes } from '../../builder.js';

/** The argument every read of an event's surroundings takes: the incident (the default) or this record alone. */
export const sameIncidentArg = (t: { arg: ArgBuilder<BuilderTypes> }) =>
  t.arg.boolean({
    defaultValue: true,
    description:
      'true (the default): also what the events confirmed as the same incident carry (see `matches`: the seed’s airstrike, GDELT’s and ACLED’s records of it); false: this record alone.',
  });
