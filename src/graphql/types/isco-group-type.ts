import { Field, ID, ObjectType } from 'type-graphql';

/** An ISCO-08 occupation group. */
@ObjectType('IscoGroup', {
  description: 'An ISCO-08 group (occupation classification of the ILO), as published with ESCO.',
  simpleResolvers: true,
})
export class IscoGroup {
  @Field(() => ID, { description: 'The ESCO concept URI of the group.' }) uri!: string;
  @Field({ description: 'ISCO-08 code, e.g. 2512.' }) code!: string;
  /** Served by the label resolver, which takes a `language` argument. */
  preferredLabel!: string;
  /** Served by the label resolver, which takes a `language` argument. */
  description!: string | null;
}
