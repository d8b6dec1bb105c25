import { Field, ID, ObjectType } from 'type-graphql';

/** An awarding body of micro-credentials. */
@ObjectType('Provider', { simpleResolvers: true, description: 'An awarding body of micro-credentials.' })
export class Provider {
  @Field(() => ID, { description: 'Id of the provider.' }) id!: string;
  @Field({ description: 'Display name of the awarding body.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' }) country!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Kind of body, e.g. university, vocational school, company, MOOC platform; null when unknown.',
  })
  type!: string | null;
  @Field(() => String, { description: 'Web site of the awarding body; null when unknown.', nullable: true }) url!:
    | string
    | null;
}
