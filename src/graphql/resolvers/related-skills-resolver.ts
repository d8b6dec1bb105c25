import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { PageArgs } from '../inputs/page-args';
import { Skill } from '../types/skill-type';
import { SkillRelation } from '../types/occupation-type';
import { RelatedSkillConnection } from '../types/related-skill-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';

/** ESCO's skill-to-skill relations, reached from a skill. */
@Resolver(() => Skill)
export class RelatedSkillsResolver {
  @FieldResolver(() => RelatedSkillConnection, {
    description:
      'Skills ESCO relates to this skill (skill-to-skill relations, e.g. the knowledge a skill builds on), by label.',
  })
  async relatedSkills(
    @Root() skill: Skill,
    @Arg('relation', () => SkillRelation, {
      description: 'Only skills related this way; both when absent.',
      nullable: true,
    })
    relation: SkillRelation | null,
    @Args(() => PageArgs) { first = null, after = null }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(first, after, ctx.limits.maxPageSize);
    return toConnection(
      await ctx.loaders.relatedSkills.load({ owner: skill.uri, args: { ...page, relation: relation ?? null } }),
    );
  }
}
