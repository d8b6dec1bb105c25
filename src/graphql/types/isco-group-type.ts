import { Field, ID, ObjectType } from 'type-graphql';

/** An ISCO-08 occupation group. */
@ObjectType('IscoGroup', { simpleResolvers: true })
export class IscoGroup {
  @Field(() => ID) uri!: string;
  @Field() code!: string;
  @Field() preferredLabel!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}
