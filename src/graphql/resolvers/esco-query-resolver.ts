import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { Access } from '../access/access-policy';
import { publicAccess } from '../access/policies';
import type { GraphQLContext } from '../context';
import { Skill } from '../types/skill-type';
import { Occupation } from '../types/occupation-type';
import { pageRequest } from '../../domain/pagination/cursor';
import { checkEscoUri } from '../../domain/catalog/field-checks';
import { occupationBrowsePlan } from '../look-ahead/occupation-browse-plan';
import { primeOccupationBrowse } from '../loaders/prime-occupation-browse';

/** Entry points into the ESCO taxonomy. */
@Resolver()
export class EscoQueryResolver {
  @Access(publicAccess)
  @Query(() => Skill, { nullable: true, description: 'A skill by ESCO URI; null when unknown.' })
  skill(
    @Arg('uri', () => ID, { description: 'ESCO concept URI of the skill.' }) uri: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.skill.load(checkEscoUri('uri', uri, 'skill'));
  }

  @Access(publicAccess)
  @Query(() => Occupation, { nullable: true, description: 'An occupation by ESCO URI; null when unknown.' })
  async occupation(
    @Arg('uri', () => ID, { description: 'ESCO concept URI of the occupation.' }) uri: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const checked = checkEscoUri('uri', uri, 'occupation');
    // A browse (occupation, skills, their courses) reads its levels in one query, not one each.
    const plan = occupationBrowsePlan(info, ctx.limits.maxPageSize);
    if (plan) {
      const found = await ctx.loaders.occupationBrowse.load({ owner: checked, args: plan });
      if (found.read) {
        if (found.browse) primeOccupationBrowse(ctx.loaders, plan, found.browse);
        return found.browse?.occupation ?? null;
      }
    }
    return ctx.loaders.occupation.load(checked);
  }

  @Access(publicAccess)
  @Query(() => [Skill], {
    description:
      'Search over skill labels (preferred, alternative, hidden) as one types: the last word is completed as a prefix ("pyth" finds Python); exact and full-word matches come first. Best first.',
  })
  async searchSkills(
    @Arg('text', { description: 'The words to search for.' }) text: string,
    @Arg('first', () => Int, {
      description: 'How many skills to return (default 10), at most MAX_PAGE_SIZE (100 by default).',
      defaultValue: 10,
    })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { limit } = pageRequest(first, null, ctx.limits.maxPageSize);
    const found = await ctx.services.search.searchSkills(text, limit);
    return found.rows ?? (await ctx.loaders.skill.loadMany(found.uris)).filter(isFound);
  }

  @Access(publicAccess)
  @Query(() => [Occupation], {
    description:
      'Search over occupation labels and job titles as written in ads ("full stack dev", "MARKETING EXECUTIVE IN PENANG"); the last word is completed as a prefix, exact and full-word matches come first. Best first.',
  })
  async searchOccupations(
    @Arg('text', { description: 'The words to search for.' }) text: string,
    @Arg('first', () => Int, {
      description: 'How many occupations to return (default 10), at most MAX_PAGE_SIZE (100 by default).',
      defaultValue: 10,
    })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { limit } = pageRequest(first, null, ctx.limits.maxPageSize);
    const found = await ctx.services.search.searchOccupations(text, limit);
    return found.rows ?? (await ctx.loaders.occupation.loadMany(found.uris)).filter(isFound);
  }
}

/** A row a loader found (a concept deleted since the index was built is skipped). */
function isFound<T>(row: T | null | Error): row is T {
  return row !== null && !(row instanceof Error);
}
