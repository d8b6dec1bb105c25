/**
 * Size limits on argument values, checked once variables are known and before any resolver runs:
 * the length of every list (top-level arguments and fields of input objects, however deep) and of
 * the search texts. Lists not named below get {@link DEFAULT_MAX_LIST_LENGTH}. A violation is a
 * BAD_USER_INPUT naming the argument path and the limit.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { BadInputError } from '../../domain/errors';

/** Longest list any argument or input field may hold unless named in {@link MAX_LIST_LENGTHS}. */
export const DEFAULT_MAX_LIST_LENGTH = 100;

/**
 * Longest list per argument (`Type.field(argument)`) or input field (`InputType.field`). The
 * domain may refuse shorter lists with a sharper message (a subject holds at most 500 credentials
 * and skills together; a credential teaches at most 200 skills).
 */
export const MAX_LIST_LENGTHS: Readonly<Record<string, number>> = {
  'SubjectInput.credentialIds': 500,
  'SubjectInput.skillUris': 500,
  'Mutation.declareSkills(skillUris)': 500,
  'LearnerInput.declaredSkillUris': 500,
  'LearnerInput.targetOccupationUris': 20,
  'MicroCredentialInput.skills': 200,
  'MicroCredentialInput.prerequisiteSkillUris': 100,
  'MicroCredentialInput.learningOutcomes': 100,
  'MicroCredentialInput.languages': 30,
  'JobPostingInput.requirements': 500,
  'PlanConstraintsInput.languages': 30,
  'PlanConstraintsInput.providerIds': 500,
  'PlanConstraintsInput.excludeProviderIds': 500,
  'PlanConstraintsInput.participationForms': 3,
};

/** Which text limit applies to a string argument or input field. */
export type TextLimitKind = 'search' | 'suggest';

/** The free-text arguments sent to full-text search, with the limit that applies. */
export const TEXT_LIMITS: Readonly<Record<string, TextLimitKind>> = {
  'Query.searchSkills(text)': 'search',
  'Query.searchOccupations(text)': 'search',
  'CredentialFilterInput.text': 'search',
  'Query.suggestSkills(text)': 'suggest',
};

/** The configured text limits, in characters. */
export interface TextLimits {
  readonly search: number;
  readonly suggest: number;
}

function checkValue(value: unknown, type: GraphQLInputType, path: string, key: string, text: TextLimits): void {
  if (value === null || value === undefined) return;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const list = value as unknown[];
    const max = MAX_LIST_LENGTHS[key] ?? DEFAULT_MAX_LIST_LENGTH;
    if (list.length > max)
      throw new BadInputError(`${path} may hold at most ${max} items, got ${list.length}`, { field: path, limit: max });
    const itemType = inner.ofType as GraphQLInputType;
    if (isInputObjectType(getNamedType(itemType)))
      list.forEach((item, i) => {
        checkValue(item, itemType, `${path}[${i}]`, key, text);
      });
    return;
  }
  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) checkValue(fieldValue, field.type, `${path}.${name}`, `${inner.name}.${name}`, text);
    }
    return;
  }
  const kind = TEXT_LIMITS[key];
  if (kind !== undefined && typeof value === 'string' && value.length > text[kind]) {
    throw new BadInputError(`${path} must be at most ${text[kind]} characters, got ${value.length}`, {
      field: path,
      limit: text[kind],
    });
  }
}

/** Checks the arguments of one field against the limits. */
export function checkFieldArguments(
  parentType: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  text: TextLimits,
): void {
  for (const arg of field.args) {
    checkValue(
      args[arg.name],
      arg.type,
      `${field.name}(${arg.name})`,
      `${parentType}.${field.name}(${arg.name})`,
      text,
    );
  }
}

/**
 * Checks every field argument of the document, with `variables` already coerced.
 *
 * @throws BadInputError at the first list or text over its limit.
 * @example
 * checkInputLimits(schema, parse('{ searchSkills(text: $t) { uri } }'), { t: 'x'.repeat(600) }, { search: 500, suggest: 20_000 })
 * // throws: searchSkills(text) must be at most 500 characters, got 600
 */
export function checkInputLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  text: TextLimits,
): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!field || !parent || field.args.length === 0) return;
        checkFieldArguments(parent.name, field, getArgumentValues(field, node, variables), text);
      },
    }),
  );
}
