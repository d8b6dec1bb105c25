/**
 * Reading ahead in a request: which fields a resolver's own field selects below it, with their
 * argument values, as graphql-js's executor would see them (fragments spread, `@skip` and
 * `@include` applied, variables substituted). A resolver that knows the fields to come can read
 * several levels at once instead of one per level.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** A field selected below the current one: its nodes (one per occurrence of the same response key). */
export interface SelectedField {
  readonly name: string;
  readonly nodes: readonly FieldNode[];
}

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

function collect(
  info: GraphQLResolveInfo,
  typeName: string,
  selectionSet: SelectionSetNode,
  into: Map<string, { name: string; nodes: FieldNode[] }>,
  spread: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (!included(info, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const entry = into.get(key) ?? { name: selection.name.value, nodes: [] };
      entry.nodes.push(selection);
      into.set(key, entry);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition?.name.value;
      if (condition === undefined || condition === typeName)
        collect(info, typeName, selection.selectionSet, into, spread);
    } else {
      const name = selection.name.value;
      const fragment = info.fragments[name];
      // A fragment spread twice at one level adds nothing the first did not.
      if (!fragment || spread.has(name) || fragment.typeCondition.name.value !== typeName) continue;
      spread.add(name);
      collect(info, typeName, fragment.selectionSet, into, spread);
    }
  }
}

/**
 * The fields selected on an object type `typeName` by the given field nodes, in request order,
 * one entry per response key. Only fragments on `typeName` itself count (the types this is used
 * for implement no interface).
 *
 * @example
 * // { occupation(uri: $u) { ...F essentialSkills(first: 5) { totalCount } } } fragment F on Occupation { code }
 * selectedFields(info, info.fieldNodes, 'Occupation').map((f) => f.name); // ['code', 'essentialSkills']
 */
export function selectedFields(
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[],
  typeName: string,
): SelectedField[] {
  const fields = new Map<string, { name: string; nodes: FieldNode[] }>();
  const spread = new Set<string>();
  for (const node of nodes) if (node.selectionSet) collect(info, typeName, node.selectionSet, fields, spread);
  return [...fields.values()];
}

/**
 * The argument values of a field node of `typeName`, defaults applied and variables substituted;
 * null when the schema has no such field.
 */
export function argumentsOf(
  info: GraphQLResolveInfo,
  typeName: string,
  node: FieldNode,
): Record<string, unknown> | null {
  const type = info.schema.getType(typeName);
  const field = isObjectType(type) ? type.getFields()[node.name.value] : undefined;
  return field ? getArgumentValues(field, node, info.variableValues) : null;
}
