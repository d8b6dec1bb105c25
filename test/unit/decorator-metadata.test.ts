import 'reflect-metadata';
import { describe, it, expect } from 'vitest';
import { printSchema } from 'graphql';
import { Arg, Field, ObjectType, Query, Resolver, Int, buildSchema } from 'type-graphql';

@ObjectType()
class Probe {
  @Field()
  name!: string;
}

@Resolver()
class ProbeResolver {
  @Query(() => Probe)
  probe(@Arg('name') name: string, @Arg('times', () => Int) times: number): Probe {
    return { name: name.repeat(times) };
  }
}

describe('decorator metadata under the test transform', () => {
  it('lets type-graphql infer argument types from emitted metadata', async () => {
    const schema = await buildSchema({ resolvers: [ProbeResolver], validate: false });
    const sdl = printSchema(schema);
    // `name` has no explicit type: String! can only come from the emitted design:paramtypes.
    expect(sdl).toMatch(/probe\(.*name: String!.*\): Probe!/);
    expect(sdl).toMatch(/probe\(.*times: Int!.*\): Probe!/);
  });
});
