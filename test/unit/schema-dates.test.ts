/**
 * Instants are one scalar: every field, argument and input field named for a point in time
 * (`...At`, `asOf`) is `DateTime`, never a `String` a client must guess the format of.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { buildCredgraphSchema } from '../../src/graphql/build-schema';

const INSTANT_NAME = /^(?:[a-z]+At|asOf)$/;

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildCredgraphSchema();
});

/** `Type.field`, `Type.field(arg)` or `Input.field` with the named type of every instant-named element. */
function instantElements(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (INSTANT_NAME.test(field.name)) found[`${type.name}.${field.name}`] = getNamedType(field.type).name;
        for (const arg of field.args)
          if (INSTANT_NAME.test(arg.name))
            found[`${type.name}.${field.name}(${arg.name})`] = getNamedType(arg.type).name;
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (INSTANT_NAME.test(field.name)) found[`${type.name}.${field.name}`] = getNamedType(field.type).name;
      }
    }
  }
  return found;
}

describe('date scalar', () => {
  it('types every instant as DateTime', () => {
    const elements = instantElements();
    expect(elements).toMatchObject({ 'Verification.checkedAt': 'DateTime', 'MatchPolicyInput.asOf': 'DateTime' });
    expect(Object.entries(elements).filter(([, type]) => type !== 'DateTime')).toEqual([]);
  });
});
