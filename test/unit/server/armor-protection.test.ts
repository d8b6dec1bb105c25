/**
 * The query-shape limits against the real schema, without a database: validation and parsing
 * reject abusive documents before any resolver runs; realistic documents pass.
 */
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { buildCredgraphSchema } from '../../../src/graphql/build-schema';
import { createArmorProtection, type QueryShapeLimits } from '../../../src/server/security/armor-protection';

const LIMITS: QueryShapeLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 2_000,
  blockFieldSuggestions: true,
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildCredgraphSchema();
});

function errorsOf(query: string, limits: QueryShapeLimits = LIMITS): string[] {
  const armor = createArmorProtection(limits);
  const document = parse(query, armor.parseOptions);
  return validate(schema, document, [...specifiedRules, ...armor.validationRules]).map((e) => e.message);
}

function nested(depth: number): string {
  return '{ skill(uri: "x") { ' + 'broader { '.repeat(depth - 2) + 'uri' + ' }'.repeat(depth - 2) + ' } }';
}

describe('query-shape limits', () => {
  it('accepts the heaviest query shape of the integration tests', () => {
    const query = `{ searchOccupations(text: "engineer", first: 25) {
      uri iscoGroup { code } essentialSkills(first: 5) { nodes { uri broader { uri } requiredBy(first: 2) { totalCount } } } } }`;
    expect(errorsOf(query)).toEqual([]);
  });

  it('refuses a subscription, which the schema has none of, at validation', () => {
    expect(errorsOf('subscription { __typename }')).toEqual([
      'This API has no subscription operations: send a query or a mutation',
    ]);
    expect(errorsOf('query Q { __typename } subscription S { __typename }')).toHaveLength(1);
    expect(errorsOf('mutation { __typename }')).toEqual([]);
  });

  it('limits depth', () => {
    expect(errorsOf(nested(12))).toEqual([]);
    expect(errorsOf(nested(13))).toEqual([expect.stringMatching(/depth limit of 12 exceeded, found 13/)]);
  });

  it('limits aliases', () => {
    const aliases = (n: number) =>
      '{ ' + Array.from({ length: n }, (_, i) => `a${i}: skill(uri: "x") { uri }`).join(' ') + ' }';
    expect(errorsOf(aliases(30))).toEqual([]);
    expect(errorsOf(aliases(31))).toEqual([expect.stringMatching(/Aliases limit of 30 exceeded/)]);
  });

  it('limits directives', () => {
    const directives = (n: number) =>
      '{ skill(uri: "x") { ' + Array.from({ length: n }, (_, i) => `f${i}: uri @include(if: true)`).join(' ') + ' } }';
    expect(errorsOf(directives(25), { ...LIMITS, maxAliases: 100 })).toEqual([]);
    expect(errorsOf(directives(51), { ...LIMITS, maxAliases: 100 })).toEqual([
      expect.stringMatching(/Directives limit of 50 exceeded, found 51/),
    ]);
  });

  it('stops parsing beyond the token limit', () => {
    const query = '{ ' + 'a: skill(uri: "x") { uri } '.repeat(300) + '}';
    expect(() => errorsOf(query)).toThrow(/more that 2000 tokens/);
  });
});
