/**
 * The cost model against the real schema: costs follow the variables' values (not 1 per `$n`
 * as a validation rule that runs before variables are known would assume), a missing page size
 * counts as the maximum, and computed fields carry their weights.
 */
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, type GraphQLSchema } from 'graphql';
import { buildCredgraphSchema } from '../../../src/graphql/build-schema';
import { operationCost, FIELD_WEIGHTS, LIST_LENGTHS } from '../../../src/server/security/operation-cost';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildCredgraphSchema();
});

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(query), variables, undefined, { maxPageSize: 100 });

describe('operation cost', () => {
  it('multiplies a page by its size, taken from a variable as from a literal', () => {
    // 20 (search) + 10 × (1 uri)
    expect(cost('{ searchSkills(text: "x", first: 10) { uri } }')).toBe(30);
    expect(cost('query($n: Int!) { searchSkills(text: "x", first: $n) { uri } }', { n: 10 })).toBe(30);
    expect(cost('query($n: Int!) { searchSkills(text: "x", first: $n) { uri } }', { n: 100 })).toBe(120);
  });

  it('counts an absent page size as the maximum, and a page above the maximum as the maximum', () => {
    const uri = 'http://data.europa.eu/esco/skill/x';
    // skill (1) + taughtBy (10 + 100 × totalCount 1)
    expect(cost(`{ skill(uri: "${uri}") { taughtBy { totalCount } } }`)).toBe(1 + 10 + 100);
    expect(cost(`query($n: Int) { skill(uri: "${uri}") { taughtBy(first: $n) { totalCount } } }`)).toBe(111);
    expect(cost(`{ skill(uri: "${uri}") { taughtBy(first: 100000) { totalCount } } }`)).toBe(111);
  });

  it('weighs computed fields and unpaged lists', () => {
    const q =
      '{ coverage(subject: { skillUris: [] }, target: { occupationUri: "o" }) { score requirements { status } } }';
    expect(cost(q)).toBe(FIELD_WEIGHTS['Query.coverage']! + 1 + (1 + LIST_LENGTHS['Coverage.requirements']! * 1));
  });

  it('puts the nested-connection attack of issue #11 far above the default limit, with variables', () => {
    const query = `query($n: Int!, $m: Int, $k: Int) { rankOccupations(subject: { skillUris: [] }, first: $n) { nodes { coverage { requirements { evidenceSkill {
      requiredBy(first: $m) { nodes { occupation { essentialSkills(first: $k) { nodes { uri taughtBy(first: $k) { totalCount } } } } } } } } } } } }`;
    expect(cost(query, { n: 100, m: 100, k: 100 })).toBeGreaterThan(1_000_000_000);
    expect(cost(query, { n: 1, m: 1, k: 1 })).toBeLessThan(50_000);
  });

  it('charges reskillingPaths per candidate occupation', () => {
    const q = (candidates: number) =>
      `{ reskillingPaths(subject: { skillUris: [] }, candidates: ${candidates}, first: 1) { reachesFullCoverage } }`;
    expect(cost(q(100)) - cost(q(50))).toBe(50 * 200);
  });
});
