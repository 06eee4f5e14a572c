import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { projection, type Projection } from '../../db/values.js';
import { baseProperties, linkFields, propertyFields, type RecordDeclaration } from '../../domain/record.js';

/** One selection of a nested field: its arguments, and the names of the fields selected inside it. */
export interface ChildSelection {
  args: Record<string, unknown>;
  fields: ReadonlySet<string>;
}

/**
 * Every selection of `name` directly inside the field being resolved (through fragments, minus
 * those @skip or @include leave out), so a root field can read its first nested level in the same
 * query. Empty when the field is not selected.
 */
export function childSelections(info: GraphQLResolveInfo, name: string): ChildSelection[] {
  const type = getNamedType(info.returnType);
  const field = isObjectType(type) ? type.getFields()[name] : undefined;
  if (!field) return [];
  return childNodes(info, name).map((node) => ({
    args: getArgumentValues(field, node, info.variableValues),
    fields: new Set(subfields(info, [node]).map((inner) => inner.name.value)),
  }));
}

/** Every selection of `name` directly inside the field being resolved, as childSelections finds them. */
export function childNodes(info: GraphQLResolveInfo, name: string): FieldNode[] {
  return subfields(info, info.fieldNodes).filter((node) => node.name.value === name);
}

/** The fields selected directly inside `nodes`, fragments spread, minus those @skip or @include leave out. */
export function subfields(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): FieldNode[] {
  const included = (node: SelectionSetNode['selections'][number]) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const fieldsOf = (set: SelectionSetNode | undefined): FieldNode[] =>
    (set?.selections ?? []).filter(included).flatMap((selection) =>
      selection.kind === Kind.FIELD
        ? [selection]
        : fieldsOf(selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet),
    );
  return nodes.flatMap((node) => fieldsOf(node.selectionSet));
}

/** The selections at the end of `path` below `nodes`, every alias of each step together. */
export function selectedAt(info: GraphQLResolveInfo, nodes: readonly FieldNode[], path: readonly string[]): FieldNode[] {
  return path.reduce<readonly FieldNode[]>((at, name) => subfields(info, at).filter((node) => node.name.value === name), nodes) as FieldNode[];
}

/** The response key of a selection: its alias, or its name. */
export const responseKey = (node: FieldNode) => (node.alias ?? node.name).value;

/** The stored properties each GraphQL field of a record's type reads; a field not named here needs them all. */
const propertiesByField = new WeakMap<RecordDeclaration<any>, { fields: Map<string, readonly string[]>; all: readonly string[] }>();

function fieldProperties(declaration: RecordDeclaration<any>) {
  let known = propertiesByField.get(declaration);
  if (!known) {
    // `key` exposes the record's id; link fields load by it; a companion (a date's precision) is a field of its own.
    const fields = new Map<string, readonly string[]>([['__typename', []], ['id', ['id']], ['key', ['id']]]);
    for (const [name, field] of propertyFields(declaration)) {
      fields.set(name, field.reads(name));
      for (const companion of field.companions(name)) fields.set(companion, [companion]);
    }
    for (const [name] of linkFields(declaration)) fields.set(name, []);
    known = { fields, all: [...new Set([...baseProperties, ...[...fields.values()].flat()])] };
    propertiesByField.set(declaration, known);
  }
  return known;
}

/**
 * The properties of a record of `declaration` that the fields selected inside `nodes` read, its
 * key always: all of them as soon as one field is not a plain property or link of the declaration
 * (a computed field, provenance), since only those are known to read nothing else.
 */
export function selectedProjection(info: GraphQLResolveInfo, declaration: RecordDeclaration<any>, nodes: readonly FieldNode[]): Projection {
  const { fields, all } = fieldProperties(declaration);
  const properties = ['id'];
  for (const node of subfields(info, nodes)) {
    const read = fields.get(node.name.value);
    if (!read) return projection(declaration.label, all);
    properties.push(...read);
  }
  return projection(declaration.label, properties);
}

/** `compute` once per set of selections (graphql-js hands every item of a list the same `fieldNodes`). */
export function perSelection<T>(compute: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const computed = new WeakMap<readonly FieldNode[], T>();
  return (info) => {
    let value = computed.get(info.fieldNodes);
    if (value === undefined) computed.set(info.fieldNodes, (value = compute(info)));
    return value;
  };
}

/**
 * A fold of a nested field into its root's query, or undefined when the field's arguments are
 * invalid: the field then reads them itself, and its error names its own path.
 */
export function foldedOrUndefined<T>(build: () => T): T | undefined {
  try {
    return build();
  } catch (error) {
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
}
