import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Access } from '../access/access-policy';
import { publicAccess } from '../access/policies';
import type { GraphQLContext } from '../context';
import { Skill } from '../types/skill-type';
import { Occupation } from '../types/occupation-type';
import { toFullTextQuery, labelKey } from '../../domain/search/full-text-query';
import { pageRequest } from '../../domain/pagination/cursor';
import { checkEscoUri } from '../../domain/catalog/field-checks';

/** Entry points into the ESCO taxonomy. */
@Resolver()
export class EscoQueryResolver {
  @Access(publicAccess)
  @Query(() => Skill, { nullable: true, description: 'A skill by ESCO URI; null when unknown.' })
  skill(@Arg('uri', () => ID, { description: 'ESCO concept URI of the skill.' }) uri: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.skill.load(checkEscoUri('uri', uri, 'skill'));
  }

  @Access(publicAccess)
  @Query(() => Occupation, { nullable: true, description: 'An occupation by ESCO URI; null when unknown.' })
  occupation(@Arg('uri', () => ID, { description: 'ESCO concept URI of the occupation.' }) uri: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.occupation.load(checkEscoUri('uri', uri, 'occupation'));
  }

  @Access(publicAccess)
  @Query(() => [Skill], { description: 'Full-text search over skill labels (preferred, alternative, hidden), best first.' })
  async searchSkills(
    @Arg('text', { description: 'The words to search for.' }) text: string,
    @Arg('first', () => Int, { description: 'How many skills to return (default 10), at most MAX_PAGE_SIZE (100 by default).', defaultValue: 10 }) first: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { limit } = pageRequest(first, null, ctx.limits.maxPageSize);
    const hits = await ctx.services.esco.searchSkills(toFullTextQuery(text), labelKey(text), limit);
    return hits.map((hit) => hit.item);
  }

  @Access(publicAccess)
  @Query(() => [Occupation], { description: 'Full-text search over occupation labels, best first.' })
  async searchOccupations(
    @Arg('text', { description: 'The words to search for.' }) text: string,
    @Arg('first', () => Int, { description: 'How many occupations to return (default 10), at most MAX_PAGE_SIZE (100 by default).', defaultValue: 10 }) first: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { limit } = pageRequest(first, null, ctx.limits.maxPageSize);
    const hits = await ctx.services.esco.searchOccupations(toFullTextQuery(text), labelKey(text), limit);
    return hits.map((hit) => hit.item);
  }
}
