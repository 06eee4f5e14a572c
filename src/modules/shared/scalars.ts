import { builder } from '../../builder.js';

/** Arbitrary JSON: a bundle given to importBundle, or the stored properties of a node or relationship. */
export const JSONScalar = builder.scalarType('JSON', {
  description:
    'Any JSON value. As stored properties of a node or relationship: dates as ISO strings (YYYY-MM-DD), points as {latitude, longitude}.',
  serialize: (value) => value,
  parseValue: (value) => value,
});
