import { Field, ID, ObjectType } from 'type-graphql';

/** An ESCO skill group: a grouping of the skills pillar, not used for matching. */
@ObjectType('SkillGroup', { description: 'A group of the ESCO skills pillar hierarchy.', simpleResolvers: true })
export class SkillGroup {
  @Field(() => ID, { description: 'The ESCO concept URI of the group.' }) uri!: string;
  @Field({ description: 'The group\'s name (English).' }) preferredLabel!: string;
  @Field(() => String, { description: 'ESCO\'s description of the group; null when it has none.', nullable: true }) description!: string | null;
  @Field(() => String, { description: 'ESCO code of the group, e.g. S1.2; null when it has none.', nullable: true }) code!: string | null;
}
