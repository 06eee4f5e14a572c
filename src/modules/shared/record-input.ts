import type { InputFieldBuilder, InputObjectRef } from '@pothos/core';
import { builder, type BuilderTypes } from '../../builder.js';
import { VocabularyEnums } from './enums.js';
import { MaxLength, type Field, type Fields, type LinkField, type PropertyField, type RecordDeclaration } from '../../domain/record.js';

type FieldBuilder = InputFieldBuilder<BuilderTypes, 'InputObject'>;

/**
 * The GraphQL input of a record kind, derived from its declaration, so the API accepts exactly
 * what bundles do. Every field but the key is optional in GraphQL: an update gives only what
 * changes; the write path holds a new record to its required fields. (Pothos's zod plugin
 * validates arguments against a schema but does not make input types from one, so this does.)
 */
const inputs = new Map<string, InputObjectRef<BuilderTypes, unknown>>();

const GeoPointInput = builder.inputType('GeoPointInput', {
  description: 'A WGS 84 position.',
  fields: (t) => ({
    latitude: t.float({ required: true, description: 'Degrees north, from -90 to 90.' }),
    longitude: t.float({ required: true, description: 'Degrees east, from -180 to 180.' }),
  }),
});

function propertyInput(t: FieldBuilder, field: PropertyField, required: boolean) {
  const options = { required, description: field.description };
  const graphql = field.graphql;
  if ('point' in graphql) return t.field({ type: GeoPointInput, ...options });
  const type = 'vocabulary' in graphql ? VocabularyEnums[graphql.vocabulary] : graphql.scalar;
  return t.field({ type: (field.list ? [type] : type) as never, ...options });
}

function linkObjectInput(field: LinkField): InputObjectRef<BuilderTypes, unknown> {
  const { name, description } = field.input!;
  const existing = inputs.get(name);
  if (existing) return existing;
  const targets = Object.keys(field.targets);
  const ref = builder.inputType(name, {
    description,
    fields: (t) => ({
      ...Object.fromEntries(
        targets.map((target) => [
          target,
          t.string({ required: targets.length === 1, description: `Key of the ${target}${targets.length === 1 ? '' : ' (give exactly one)'}.` }),
        ]),
      ),
      ...Object.fromEntries(Object.entries(field.props).map(([prop, inner]) => [prop, propertyInput(t, inner, inner.required)])),
    }),
  }) as InputObjectRef<BuilderTypes, unknown>;
  inputs.set(name, ref);
  return ref;
}

function fieldInput(t: FieldBuilder, field: Field) {
  const description = `${field.description}${field.required ? ' Required when creating.' : ''}`;
  if (field.role === 'property') return propertyInput(t, { ...field, description } as PropertyField, false);
  if (field.role === 'external') return t.stringList({ description: `${description} Ids given are added to those already known.` });
  if (field.shape === 'object') {
    return t.field({ type: [linkObjectInput(field)], description: `${description} Links given are added to those already there; null removes them all.` });
  }
  return field.many
    ? t.stringList({ description: `${description} Keys given are added to those already linked; null unlinks them all.` })
    : t.string({ description: `${description} A key given replaces the link there was; null removes it.` });
}

export function recordInput(declaration: RecordDeclaration<any>): InputObjectRef<BuilderTypes, Record<string, unknown> & { key?: string | null }> {
  const { name, description } = declaration.input;
  const existing = inputs.get(name);
  if (existing) return existing as never;
  const ref = builder.inputType(name, {
    description: `${description} A field left out is left unchanged; an explicit null clears it.`,
    fields: (t) => ({
      key: t.string({
        required: !declaration.keyOptional,
        description: `The natural key (lowercase letters, digits and dashes, at most ${MaxLength.key} characters); writing the same key again updates the record.${declaration.keyOptional ? ` ${declaration.keyOptional}` : ''}`,
      }),
      ...Object.fromEntries(Object.entries(declaration.fields as Fields).map(([field, spec]) => [field, fieldInput(t, spec)])),
    }),
  });
  inputs.set(name, ref as InputObjectRef<BuilderTypes, unknown>);
  return ref as never;
}
