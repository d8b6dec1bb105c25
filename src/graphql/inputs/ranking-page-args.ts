import { ArgsType, Field, Int } from 'type-graphql';

/** Cursor paging of a ranking (`rankOccupations`, `rankCandidates`): 10 items unless asked otherwise. */
@ArgsType()
export class RankingPageArgs {
  @Field(() => Int, {
    description: 'Page size (default 10), at most MAX_PAGE_SIZE (100 by default).',
    defaultValue: 10,
  })
  first!: number;

  @Field(() => String, {
    description:
      'Cursor of the item after which the page starts (an `endCursor` or edge `cursor` from an earlier page); from the start when absent.',
    nullable: true,
  })
  after?: string | null;
}
