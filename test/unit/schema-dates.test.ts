/**
 * Dates are typed, never a `String` a client must guess the format of: every field, argument and
 * input field named for a point in time (`...At`, `asOf`) is `DateTime`, and every one named for
 * a calendar day (`...On`, `validFrom`, `validUntil`, `...Date`) is `LocalDate` (YYYY-MM-DD).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isInputObjectType, isObjectType, type GraphQLSchema, type GraphQLType } from 'graphql';
import { buildCredgraphSchema } from '../../src/graphql/build-schema';

const INSTANT_NAME = /^(?:[a-z]+At|asOf)$/;
const DAY_NAME = /^(?:[a-z]+On|validFrom|validUntil|[a-z]+Date)$/;

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildCredgraphSchema();
});

/** `Type.field`, `Type.field(arg)` or `Input.field` with the named type of every instant-named element. */
function namedElements(pattern: RegExp): Record<string, string> {
  const found: Record<string, string> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (pattern.test(field.name)) found[`${type.name}.${field.name}`] = getNamedType(field.type).name;
        for (const arg of field.args)
          if (pattern.test(arg.name)) found[`${type.name}.${field.name}(${arg.name})`] = getNamedType(arg.type).name;
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (pattern.test(field.name)) found[`${type.name}.${field.name}`] = getNamedType(field.type).name;
      }
    }
  }
  return found;
}

describe('date scalar', () => {
  it('types every instant as DateTime', () => {
    const elements = namedElements(INSTANT_NAME);
    expect(elements).toMatchObject({ 'Verification.checkedAt': 'DateTime', 'MatchPolicyInput.asOf': 'DateTime' });
    expect(Object.entries(elements).filter(([, type]) => type !== 'DateTime')).toEqual([]);
  });

  it('types every calendar day as LocalDate', () => {
    const elements = namedElements(DAY_NAME);
    expect(elements).toMatchObject({
      'Holding.issuedOn': 'LocalDate',
      'Holding.expiresOn': 'LocalDate',
      'MicroCredential.validFrom': 'LocalDate',
      'MicroCredentialInput.validUntil': 'LocalDate',
      'Mutation.addHolding(expiresOn)': 'LocalDate',
      'LearningPlan.ratesDate': 'LocalDate',
    });
    expect(Object.entries(elements).filter(([, type]) => type !== 'LocalDate')).toEqual([]);
  });

  it('documents no other field as a date held in a String', () => {
    const stringDates: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) && !isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type as GraphQLType).name === 'String' && /YYYY-MM-DD/.test(field.description ?? ''))
          stringDates.push(`${type.name}.${field.name}`);
      }
    }
    expect(stringDates).toEqual([]);
  });
});
