import { ArgsType, Field, Int } from 'type-graphql';

/** Cursor paging of a list (`first`, `after`); `pageRequest` bounds `first` by MAX_PAGE_SIZE. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    description: 'Page size: how many items to return, at most MAX_PAGE_SIZE (100 by default); 20 when absent.',
    nullable: true,
  })
  first?: number | null;

  @Field(() => String, {
    description:
      'Cursor of the item after which the page starts (an `endCursor` or edge `cursor` from an earlier page); from the start when absent.',
    nullable: true,
  })
  after?: string | null;
}
