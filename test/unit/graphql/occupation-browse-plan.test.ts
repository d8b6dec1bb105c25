import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../../src/domain/pagination/cursor';
import { occupationBrowsePlan } from '../../../src/graphql/look-ahead/occupation-browse-plan';

// The types and fields the look-ahead walks, as the emitted schema names them.
const schema = buildSchema(`
  type Query { occupation(uri: ID!): Occupation }
  type Occupation { uri: ID! code: String
    essentialSkills(first: Int, after: String): SkillConnection!
    optionalSkills(first: Int, after: String): SkillConnection! }
  type SkillConnection { totalCount: Int! nodes: [Skill!]! edges: [SkillEdge!]! }
  type SkillEdge { cursor: String! node: Skill! }
  type Skill { uri: ID! taughtBy(first: Int, after: String): CourseConnection! }
  type CourseConnection { totalCount: Int! }
`);

/** The plan the `occupation` resolver would see for a request. */
async function planOf(source: string, variableValues?: Record<string, unknown>) {
  let plan: unknown = 'not resolved';
  const result = await graphql({
    schema,
    source,
    variableValues,
    fieldResolver: (_root, _args, _ctx, info: GraphQLResolveInfo) => {
      if (info.fieldName === 'occupation') plan = occupationBrowsePlan(info, 100);
      return null;
    },
  });
  expect(result.errors).toBeUndefined();
  return plan;
}

describe('occupationBrowsePlan', () => {
  it('reads the skill page and the courses page below it', async () => {
    expect(
      await planOf(
        '{ occupation(uri: "o") { essentialSkills(first: 20) { nodes { taughtBy(first: 3) { totalCount } } } } }',
      ),
    ).toEqual({
      relation: 'ESSENTIAL',
      skillPage: { offset: 0, limit: 20 },
      coursePage: { offset: 0, limit: 3 },
    });
  });

  it('applies defaults, variables, cursors, fragments and edges', async () => {
    const source = `query($n: Int, $after: String) { occupation(uri: "o") { ...F } }
      fragment F on Occupation { optionalSkills(first: $n) { edges { node { ... on Skill { taughtBy(after: $after) { totalCount } } } } } }`;
    expect(await planOf(source, { n: 7, after: encodeCursor(9) })).toEqual({
      relation: 'OPTIONAL',
      skillPage: { offset: 0, limit: 7 },
      coursePage: { offset: 10, limit: 20 },
    });
  });

  it('leaves out what @skip and @include leave out', async () => {
    const source = `query($courses: Boolean!) { occupation(uri: "o") {
      essentialSkills(first: 5) @skip(if: false) { nodes { taughtBy(first: 2) @include(if: $courses) { totalCount } } } } }`;
    expect(await planOf(source, { courses: false })).toEqual({
      relation: 'ESSENTIAL',
      skillPage: { offset: 0, limit: 5 },
      coursePage: null,
    });
    const skipped = '{ occupation(uri: "o") { essentialSkills(first: 5) @skip(if: true) { totalCount } code } }';
    expect(await planOf(skipped)).toBeNull();
  });

  it('takes the first page asked when aliases ask several, and none when no skills are asked', async () => {
    const source = `{ occupation(uri: "o") { a: optionalSkills(first: 2) { totalCount } b: essentialSkills(first: 4) { totalCount } } }`;
    expect(await planOf(source)).toEqual({
      relation: 'OPTIONAL',
      skillPage: { offset: 0, limit: 2 },
      coursePage: null,
    });
    expect(await planOf('{ occupation(uri: "o") { uri code } }')).toBeNull();
  });

  it('plans nothing for arguments the field resolvers will refuse', async () => {
    expect(await planOf('{ occupation(uri: "o") { essentialSkills(first: 500) { totalCount } } }')).toBeNull();
    expect(await planOf('{ occupation(uri: "o") { essentialSkills(after: "junk") { totalCount } } }')).toBeNull();
    expect(
      await planOf(
        '{ occupation(uri: "o") { essentialSkills(first: 5) { nodes { taughtBy(first: -1) { totalCount } } } } }',
      ),
    ).toBeNull();
  });
});
