import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../inputs/page-args';
import type { GraphQLContext } from '../context';
import { Skill, SkillConnection } from '../types/skill-type';
import { SkillGroup } from '../types/skill-group-type';
import { RequiringOccupationConnection, SkillRelation } from '../types/occupation-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';

/** Links of a skill: hierarchy, groups and the occupations requiring it. */
@Resolver(() => Skill)
export class SkillFieldResolver {
  @FieldResolver(() => [Skill], {
    description: 'Direct broader skills in the skill hierarchy (a skill may have several).',
  })
  broader(@Root() skill: Skill, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.broaderSkills.load(skill.uri);
  }

  @FieldResolver(() => SkillConnection, { description: 'Direct narrower skills in the skill hierarchy.' })
  async narrower(@Root() skill: Skill, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(await ctx.loaders.narrowerSkills.load({ owner: skill.uri, args: page }));
  }

  @FieldResolver(() => [SkillGroup], { description: 'Skill groups of the skills pillar this skill sits in.' })
  groups(@Root() skill: Skill, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.skillGroups.load(skill.uri);
  }

  @FieldResolver(() => RequiringOccupationConnection, { description: 'Occupations that require this skill.' })
  async requiredBy(
    @Root() skill: Skill,
    @Arg('relation', () => SkillRelation, {
      description: 'Only occupations requiring the skill this way; both when absent.',
      nullable: true,
    })
    relation: SkillRelation | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(
      await ctx.loaders.requiringOccupations.load({ owner: skill.uri, args: { ...page, relation: relation ?? null } }),
    );
  }
}
