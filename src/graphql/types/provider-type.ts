import { Field, ID, ObjectType } from 'type-graphql';

/** An awarding body of micro-credentials. */
@ObjectType('Provider', { simpleResolvers: true, description: 'An awarding body of micro-credentials.' })
export class Provider {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' }) country!: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. university, vocational school, company, MOOC platform.' }) type!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
}
