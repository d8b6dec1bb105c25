import 'reflect-metadata';
import { buildSchema as buildSdl, isObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCredgraphSchema } from '../../../src/graphql/build-schema';
import type { GraphQLContext } from '../../../src/graphql/context';
import { installDirectResolvers } from '../../../src/graphql/direct-resolvers';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildCredgraphSchema();
});

function resolverOf(type: string, field: string) {
  const object = schema.getType(type);
  if (!isObjectType(object)) throw new Error(`no type ${type}`);
  const resolve = object.getFields()[field]?.resolve;
  if (!resolve) throw new Error(`no resolver on ${type}.${field}`);
  return (parent: unknown, args: Record<string, unknown>, context: unknown) =>
    resolve(parent, args, context as GraphQLContext, undefined as never);
}

describe('label fields of the built schema', () => {
  const skill = {
    uri: 'http://data.europa.eu/esco/skill/s1',
    preferredLabel: 'welding',
    altLabels: ['weld'],
    description: null,
  };

  it('answer English synchronously, without type-graphql in between', () => {
    expect(resolverOf('Skill', 'preferredLabel')(skill, { language: 'en' }, {})).toBe('welding');
    expect(resolverOf('Skill', 'altLabels')(skill, { language: 'en' }, {})).toEqual(['weld']);
    expect(resolverOf('Occupation', 'description')({ ...skill, description: 'd' }, { language: 'en-GB' }, {})).toBe(
      'd',
    );
  });

  it('read another language through the translation loader, falling back to English per concept', async () => {
    const asked: unknown[] = [];
    const context = {
      loaders: {
        translation: {
          load: async (key: unknown) => {
            asked.push(key);
            return null;
          },
        },
      },
    };
    const answer = resolverOf('Skill', 'preferredLabel')(skill, { language: 'de' }, context);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBe('welding');
    expect(asked).toEqual([{ owner: skill.uri, args: { language: 'de' } }]);
  });

  it('refuse a language ESCO does not have', () => {
    expect(() => resolverOf('Skill', 'preferredLabel')(skill, { language: 'xx' }, {})).toThrow(/ESCO's languages/);
  });
});

describe('installDirectResolvers', () => {
  it('fails on a field the schema lacks', () => {
    const sdl = buildSdl('type Query { a: String } type Skill { preferredLabel: String }');
    expect(() => installDirectResolvers(sdl, [{ type: 'Skill', field: 'label', resolve: () => 'x' }])).toThrow(
      /Skill\.label/,
    );
    installDirectResolvers(sdl, [{ type: 'Skill', field: 'preferredLabel', resolve: () => 'x' }]);
    const field = (sdl.getType('Skill') as { getFields(): Record<string, { resolve?: unknown }> }).getFields()
      .preferredLabel;
    expect(typeof field?.resolve).toBe('function');
  });
});
