import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaDrift } from '../src/cli/schema-drift.js';
import { schema } from '../src/schema.js';

describe('the schema', () => {
  it('equals the committed schema/schema.graphql (run `npm run codegen` after changing it)', async () => {
    const { committed, current } = await schemaDrift();
    expect(current).toEqual(committed);
  });

  it('describes every type, field, argument and enum value (the playground’s documentation)', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description && !(field.name === 'node' || field.name === 'nodes')) {
              missing.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      if (isUnionType(type) && type.getTypes().length < 2) missing.push(`${type.name} has fewer than two members`);
    }
    expect(missing).toEqual([]);
  });
});
