import { Field, ID, ObjectType } from 'type-graphql';

/** An ESCO skill group: a grouping of the skills pillar, not used for matching. */
@ObjectType('SkillGroup', { simpleResolvers: true })
export class SkillGroup {
  @Field(() => ID) uri!: string;
  @Field() preferredLabel!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) code!: string | null;
}
