import { builder } from '../../builder.js';

export const JSONScalar = builder.scalarType('JSON', {
  description: 'Any JSON value (an object, a list, a string, a number, a boolean or null).',
  serialize: (value) => value,
  parseValue: (value) => value,
});
