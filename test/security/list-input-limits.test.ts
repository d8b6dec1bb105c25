/**
 * Issue #11, item 4: every list argument and every list field of an input object has a
 * documented maximum, enforced with BAD_USER_INPUT before any resolver runs. The lists are found
 * in the schema itself, so a list added later is covered (with the default maximum) without
 * touching this test. Also every `first` above the page-size maximum and `reskillingPaths`
 * candidates above 200 are refused.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLList,
  type GraphQLSchema,
} from 'graphql';
import { buildCredgraphSchema } from '../../src/graphql/build-schema';
import { DEFAULT_MAX_LIST_LENGTH, MAX_LIST_LENGTHS } from '../../src/server/security/input-limits';
import { startTestServer, type TestServer } from '../support/test-server';

let schema: GraphQLSchema;
let server: TestServer;
beforeAll(async () => {
  schema = await buildCredgraphSchema();
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** A value of the type that passes GraphQL's own coercion (required fields filled in). */
function sample(type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType as GraphQLInputType)];
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields()))
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sample(field.type);
    return value;
  }
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return false;
      case 'DateTime':
        return '2020-01-01T00:00:00Z';
      case 'JSON':
        return {};
      default:
        return 'x';
    }
  }
  throw new Error(`no sample for ${String(inner)}`);
}

/** One oversized list: where it sits, its limit, and the request that carries it. */
interface ListCase {
  readonly name: string;
  readonly limit: number;
  readonly operation: 'query' | 'mutation';
  readonly field: GraphQLField<unknown, unknown>;
  readonly argument: string;
  /** Path inside the argument value to the list (empty for a list argument). */
  readonly path: readonly string[];
}

function listCases(): ListCase[] {
  const cases: ListCase[] = [];
  const walk = (
    base: Omit<ListCase, 'name' | 'limit' | 'path'>,
    type: GraphQLInputType,
    key: string,
    path: string[],
    seen: Set<string>,
  ) => {
    const inner = getNullableType(type);
    if (isListType(inner)) {
      cases.push({
        ...base,
        path,
        limit: MAX_LIST_LENGTHS[key] ?? DEFAULT_MAX_LIST_LENGTH,
        name: `${base.field.name}(${base.argument}${path.map((p) => `.${p}`).join('')})`,
      });
      return;
    }
    if (isInputObjectType(inner) && !seen.has(inner.name)) {
      for (const field of Object.values(inner.getFields()))
        walk(base, field.type, `${inner.name}.${field.name}`, [...path, field.name], new Set([...seen, inner.name]));
    }
  };
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root!.getFields())) {
      for (const arg of field.args)
        walk(
          { operation, field, argument: arg.name },
          arg.type,
          `${root!.name}.${field.name}(${arg.name})`,
          [],
          new Set(),
        );
    }
  }
  return cases;
}

function requestFor(c: ListCase, length: number): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const args: string[] = [];
  for (const arg of c.field.args) {
    if (arg.name !== c.argument && !(isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    definitions.push(`$${arg.name}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${arg.name}`);
    variables[arg.name] = sample(arg.type);
  }
  // Put the oversized list at its place, building the objects on the way.
  let argType = getNullableType(c.field.args.find((a) => a.name === c.argument)!.type) as GraphQLInputType;
  if (c.path.length === 0) {
    variables[c.argument] = Array.from({ length }, () =>
      sample((getNullableType(argType) as GraphQLList<GraphQLInputType>).ofType),
    );
  } else {
    let holder = variables[c.argument] as Record<string, unknown>;
    c.path.forEach((name, i) => {
      const fieldType = (getNullableType(argType) as GraphQLInputObjectType).getFields()[name]!.type;
      if (i === c.path.length - 1) {
        const item = (getNullableType(fieldType) as GraphQLList<GraphQLInputType>).ofType;
        holder[name] = Array.from({ length }, () => sample(item));
      } else {
        holder[name] ??= sample(fieldType);
        holder = holder[name] as Record<string, unknown>;
        argType = fieldType;
      }
    });
  }
  const selection = isLeafType(getNamedType(c.field.type)) ? '' : ' { __typename }';
  return {
    query: `${c.operation}(${definitions.join(', ')}) { ${c.field.name}(${args.join(', ')})${selection} }`,
    variables,
  };
}

describe('every list input has a maximum', () => {
  it('finds the list inputs of the schema, and no list argument off the root types', () => {
    const names = listCases().map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'coverage(subject.skillUris)',
        'recommendCourses(constraints.languages)',
        'upsertJobPosting(input.requirements)',
        'declareSkills(skillUris)',
      ]),
    );
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        !isObjectType(type) ||
        type === schema.getQueryType() ||
        type === schema.getMutationType() ||
        type.name.startsWith('__')
      )
        continue;
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          const named = getNamedType(arg.type);
          const carriesList = isListType(getNullableType(arg.type)) || (isInputObjectType(named) && hasList(named));
          expect(carriesList, `${type.name}.${field.name}(${arg.name})`).toBe(false);
        }
      }
    }
  });

  it('refuses every list one item over its maximum with BAD_USER_INPUT naming the list and the limit, before any resolver', async () => {
    const cases = listCases();
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const { query, variables } = requestFor(c, c.limit + 1);
      const res = await server.gql(query, variables);
      expect(res.status, `${c.name}: ${JSON.stringify(res.errors)}`).toBe(400);
      expect(res.errors?.[0]?.extensions?.code, c.name).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message, c.name).toContain(`may hold at most ${c.limit} items, got ${c.limit + 1}`);
      expect(res.roundTrips, c.name).toBe(0);
    }
  });

  it('lets a list at its maximum through the size check', async () => {
    const c = listCases().find((x) => x.name === 'recommendCourses(constraints.languages)')!;
    const { query, variables } = requestFor(c, c.limit);
    const res = await server.gql(query, variables);
    expect(JSON.stringify(res.errors ?? [])).not.toContain('may hold at most');
  });
});

function hasList(type: GraphQLInputObjectType, seen = new Set<string>()): boolean {
  if (seen.has(type.name)) return false;
  seen.add(type.name);
  return Object.values(type.getFields()).some(
    (f) =>
      isListType(getNullableType(f.type)) ||
      (isInputObjectType(getNamedType(f.type)) && hasList(getNamedType(f.type) as GraphQLInputObjectType, seen)),
  );
}

describe('every page size and the reskilling candidates are bounded', () => {
  const SKILL = 'http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97';
  const OCCUPATION = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
  const SUBJECT = `{ occupationUri: "${OCCUPATION}" }`;
  const TARGET = `{ occupationUri: "${OCCUPATION}" }`;
  const PAGED: Record<string, string> = {
    searchSkills: '{ searchSkills(text: "java", first: 101) { uri } }',
    searchOccupations: '{ searchOccupations(text: "developer", first: 101) { uri } }',
    suggestSkills: '{ suggestSkills(text: "java", first: 101) { score } }',
    microCredentials: '{ microCredentials(first: 101) { totalCount } }',
    rankOccupations: `{ rankOccupations(subject: ${SUBJECT}, first: 101) { totalCount } }`,
    rankCandidates: `{ rankCandidates(target: ${TARGET}, first: 101) { totalCount } }`,
    nextCourses: `{ nextCourses(subject: ${SUBJECT}, target: ${TARGET}, first: 101) { cost } }`,
    reskillingPaths: `{ reskillingPaths(subject: ${SUBJECT}, first: 101) { reachesFullCoverage } }`,
    myJobPostings: '{ myJobPostings(first: 101) { totalCount } }',
    'Skill.narrower': `{ skill(uri: "${SKILL}") { narrower(first: 101) { totalCount } } }`,
    'Skill.requiredBy': `{ skill(uri: "${SKILL}") { requiredBy(first: 101) { totalCount } } }`,
    'Skill.taughtBy': `{ skill(uri: "${SKILL}") { taughtBy(first: 101) { totalCount } } }`,
    'Occupation.essentialSkills': `{ occupation(uri: "${OCCUPATION}") { essentialSkills(first: 101) { totalCount } } }`,
    'Occupation.optionalSkills': `{ occupation(uri: "${OCCUPATION}") { optionalSkills(first: 101) { totalCount } } }`,
    'Skill.relatedSkills': `{ skill(uri: "${SKILL}") { relatedSkills(first: 101) { totalCount } } }`,
    'Occupation.narrower': `{ occupation(uri: "${OCCUPATION}") { narrower(first: 101) { totalCount } } }`,
    'IscoGroup.occupations': `{ occupation(uri: "${OCCUPATION}") { iscoGroup { occupations(first: 101) { totalCount } } } }`,
    'SkillGroup.skills': `{ skill(uri: "${SKILL}") { groups { skills(first: 101) { totalCount } } } }`,
    skillsInCollection: '{ skillsInCollection(collection: DIGITAL, first: 101) { totalCount } }',
  };

  it('covers every field with a first argument', () => {
    const fields: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.args.some((a) => a.name === 'first'))
          fields.push(type === schema.getQueryType() ? field.name : `${type.name}.${field.name}`);
      }
    }
    // Learner.closestOccupations is checked in access-matrix/coverage tests through a learner.
    expect(fields.filter((f) => f !== 'Learner.closestOccupations').sort()).toEqual(Object.keys(PAGED).sort());
  });

  it.each(Object.keys(PAGED))('%s refuses first: 101 with BAD_USER_INPUT', async (name) => {
    const res = await server.gql(PAGED[name]!);
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/first must be at most 100, got 101/);
  });

  it('reskillingPaths refuses more than 200 candidates', async () => {
    const res = await server.gql(`{ reskillingPaths(subject: ${SUBJECT}, candidates: 201) { reachesFullCoverage } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/candidates must lie in \[1, 200\], got 201/);
  });
});
