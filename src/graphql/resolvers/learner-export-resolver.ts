import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { Access } from '../access/access-policy';
import { learnerField } from '../access/policies';
import type { GraphQLContext } from '../context';
import { Learner } from '../types/learner-type';

/** Open-standard exports of a learner's record (guarded like every learner field). */
@Resolver(() => Learner)
export class LearnerExportResolver {
  @Access(learnerField)
  @FieldResolver(() => JSONResolver, {
    description:
      "The learner's achievements as an Open Badges 3.0 / CLR 2.0 document: a ClrCredential whose subject lists one OpenBadgeCredential per holding, each aligned to the ESCO skills of its credential. Signed (Data Integrity eddsa-rdfc-2022, did:key issuer) when the server has a signing key (VC_SIGNING_KEY), unsigned otherwise. At most 200 holdings.",
  })
  async openBadgesRecord(@Root() learner: Learner, @Ctx() ctx: GraphQLContext): Promise<Record<string, unknown>> {
    return (await ctx.services.recordExport.exportRecord(learner.id)).document;
  }
}
