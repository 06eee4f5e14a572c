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
  const included = (node: SelectionSetNode['selections'][number]) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  /** The fields of a selection set, fragments spread. */
  const fieldsOf = (set: SelectionSetNode | undefined): FieldNode[] =>
    (set?.selections ?? []).filter(included).flatMap((selection) =>
      selection.kind === Kind.FIELD
        ? [selection]
        : fieldsOf(selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet),
    );
  return info.fieldNodes
    .flatMap((node) => fieldsOf(node.selectionSet))
    .filter((node) => node.name.value === name)
    .map((node) => ({
      args: getArgumentValues(field, node, info.variableValues),
      fields: new Set(fieldsOf(node.selectionSet).map((inner) => inner.name.value)),
    }));
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
